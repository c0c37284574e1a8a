// Words of other languages that are capitalised only because they start a sentence (issue 14):
// articles, pronouns, conjunctions, prepositions, common adverbs and sentence openers ("Однако",
// "Według", "Zudem"). English keeps compromise's lexicon and STOP_WORDS (lexicon.ts). Written by
// hand for capture; the language detector's lists (src/core/lang/detect.ts) are far shorter.

const LISTS: Readonly<Record<string, string>> = {
  de:
    'der die das den dem des ein eine einen einem einer eines kein keine keinen keinem keiner ' +
    'ich du er sie es wir ihr ihm ihn ihnen uns euch man sich mein meine sein seine ihre unser unsere ' +
    'dies diese dieser dieses diesem diesen jene jener jeder jede jedes jeden alle allen alles beide ' +
    'und oder aber denn doch sondern dass ob wenn als wie weil da damit obwohl während bevor nachdem ' +
    'seit bis sobald falls sofern indem zudem außerdem auch noch nur schon bereits dann danach dabei ' +
    'dafür dagegen daher darum deshalb deswegen trotzdem jedoch allerdings zwar sogar etwa ebenfalls ' +
    'so hier dort da heute gestern morgen jetzt nun bald immer nie oft manchmal vielleicht wohl ' +
    'in im ins an am ans auf aus bei beim mit nach von vom vor zu zum zur über unter um durch für ' +
    'gegen ohne neben zwischen hinter laut trotz wegen statt innerhalb außerhalb seit ab per pro ' +
    'was wer wen wem wessen wo wann warum wieso weshalb welche welcher welches wie ' +
    'ja nein nicht auch viele einige manche mehr weniger erst zunächst zuletzt schließlich ' +
    'so insgesamt inzwischen mittlerweile ebenso gleichzeitig stattdessen hingegen unterdessen ' +
    'montag dienstag mittwoch donnerstag freitag samstag sonntag januar februar märz april mai juni ' +
    'juli august september oktober november dezember update bild foto video mehr lesen anzeige',
  fr:
    'le la les l un une des du de d au aux ce cet cette ces mon ma mes son sa ses leur leurs notre nos ' +
    'je tu il elle on nous vous ils elles lui eux y en qui que quoi dont où quand comment pourquoi ' +
    'et ou mais donc or ni car si comme lorsque puisque quand alors ainsi aussi enfin ensuite puis ' +
    'pour par avec sans sous sur dans entre chez vers selon depuis pendant avant après contre malgré ' +
    'parmi lors dès hors outre voici voilà tout tous toute toutes chaque plusieurs certains certaines ' +
    'aucun aucune rien personne cependant pourtant toutefois néanmoins désormais déjà encore toujours ' +
    'jamais souvent parfois aujourd hier demain ici là ont est sont était été non oui plus moins très ' +
    'lundi mardi mercredi jeudi vendredi samedi dimanche janvier février mars avril mai juin juillet ' +
    'août septembre octobre novembre décembre lire voir revivez retour photo vidéo',
  es:
    'el la los las lo un una unos unas al del de mi mis tu tus su sus nuestro nuestra este esta estos ' +
    'estas ese esa esos esas aquel aquella yo tú él ella nosotros ellos ellas usted se le les me te nos ' +
    'y e o u pero sino porque pues aunque si como cuando donde mientras que qué quien quién cuál cuando ' +
    'cuándo dónde cómo para por con sin sobre entre hasta desde hacia según durante ante bajo tras ' +
    'también tampoco además sin embargo luego después antes ahora hoy ayer mañana aquí allí ya todavía ' +
    'siempre nunca muy más menos todo todos toda todas cada otro otra otros otras mucho muchos poco ' +
    'algunos algunas ningún ninguna nada así entonces incluso solo sólo sí no estaba era fue es son ' +
    'lunes martes miércoles jueves viernes sábado domingo enero febrero marzo abril mayo junio julio ' +
    'agosto septiembre octubre noviembre diciembre lea vea foto video',
  it:
    'il lo la i gli le un uno una l del dello della dei degli delle al allo alla ai agli alle dal dalla ' +
    'nel nello nella nei negli nelle sul sullo sulla sui sugli sulle di a da in con su per tra fra ' +
    'io tu lui lei noi voi loro si ci vi mi ti ne questo questa questi queste quello quella quelli ' +
    'e ed o ma però perché poiché se come quando mentre dove che chi cui anche ancora già sempre mai ' +
    'oggi ieri domani qui lì là poi dopo prima infine intanto inoltre quindi dunque così tuttavia ' +
    'invece pure molto più meno tutto tutti tutta tutte ogni altro altri altra altre alcuni nessuno ' +
    'secondo durante verso contro senza sopra sotto dentro fuori è sono era stato non sì ' +
    'lunedì martedì mercoledì giovedì venerdì sabato domenica gennaio febbraio marzo aprile maggio ' +
    'giugno luglio agosto settembre ottobre novembre dicembre leggi foto video',
  pt:
    'o a os as um uma uns umas do da dos das no na nos nas ao aos à às pelo pela pelos pelas de em ' +
    'por para com sem sob sobre entre até desde após segundo durante contra eu tu ele ela nós eles ' +
    'elas você vocês se lhe me te seu sua seus suas meu minha este esta estes estas esse essa isso ' +
    'isto aquele aquela e ou mas porém porque pois embora se como quando onde enquanto que quem qual ' +
    'também ainda já sempre nunca hoje ontem amanhã aqui ali lá depois antes agora então assim além ' +
    'apesar muito mais menos todo todos toda todas cada outro outra outros outras alguns algumas ' +
    'nenhum nada não sim é são foi era ' +
    'segunda terça quarta quinta sexta sábado domingo janeiro fevereiro março abril maio junho julho ' +
    'agosto setembro outubro novembro dezembro leia veja foto vídeo',
  pl:
    'i a o u w we z ze na do od po za przez dla przy bez pod nad przed między o oraz lub albo ale lecz ' +
    'czy że bo gdy kiedy jeśli jeżeli choć chociaż aby żeby więc zatem jednak także również też ' +
    'już jeszcze tylko nawet właśnie teraz dziś dzisiaj wczoraj jutro tu tam tutaj potem wtedy ' +
    'ja ty on ona ono my wy oni one się mnie mi go mu jej ich im nas was ten ta to te tego tej tym ' +
    'tych który która które którzy jaki jaka jakie kto co gdzie jak dlaczego ile według mimo wśród ' +
    'ponad około podczas wobec dzięki oto bez nie tak jest są był była było były będzie może można ' +
    'trzeba wszyscy wszystko wszystkie każdy każda każde wiele kilka inne inny inna pan pani ' +
    'natomiast ponadto ostatecznie najpierw dalej wreszcie zwłaszcza szczególnie przede ' +
    'poniedziałek wtorek środa czwartek piątek sobota niedziela styczeń luty marzec kwiecień maj ' +
    'czerwiec lipiec sierpień wrzesień październik listopad grudzień reklama zobacz czytaj drukuj ' +
    'dowiedz więcej',
  cs:
    'a i o u v ve z ze s se na do od po za pro při bez pod nad před mezi k ke přes podle kvůli ' +
    'nebo ale však či že protože když jestli jestliže aby tak tedy proto také taky už ještě jen ' +
    'jenom dokonce právě teď dnes včera zítra tady tam pak potom nyní zatímco zvlášť ' +
    'já ty on ona ono my vy oni ony mě mi mu jí jeho její jejich jim nás vás ten ta to ti ty ' +
    'tento tato toto tyto tohle který která které kteří jaký jaká jaké kdo co kde jak proč kolik ' +
    'všichni všechno každý každá každé mnoho několik jiný jiná jiné je jsou byl byla bylo byli ' +
    'bude není ne ano jediné jediný výjimkou podívejte děkujeme ' +
    'pondělí úterý středa čtvrtek pátek sobota neděle leden únor březen duben květen červen červenec ' +
    'srpen září říjen listopad prosinec foto video čtěte',
  ru:
    'и а но или да же ли не ни что чтобы как когда если хотя потому поэтому также тоже только уже ' +
    'еще ещё даже именно теперь сейчас сегодня вчера завтра здесь там тогда потом затем однако ' +
    'кроме согласно впрочем итак ведь зато причем причём при в во на с со к ко у о об от до из за ' +
    'по под над перед между через для без про после около среди вокруг я ты он она оно мы вы они ' +
    'его ее её их им ему ей нам вам нас вас себя свой своя свое своё свои этот эта это эти тот та ' +
    'то те такой такая такое такие который которая которое которые кто где куда почему сколько ' +
    'все всё весь вся каждый каждая многие несколько другой другая другие был была было были ' +
    'будет есть нет ранее позже кстати напомним думаю всему пришла ' +
    'понедельник вторник среда четверг пятница суббота воскресенье январь февраль март апрель май ' +
    'июнь июль август сентябрь октябрь ноябрь декабрь фото видео читайте',
  uk:
    'і й та а але або чи ж же не ні що щоб як коли якщо хоча тому також теж тільки лише вже ще ' +
    'навіть саме тепер зараз сьогодні вчора завтра тут там тоді потім однак проте крім згідно ' +
    'отже адже в у на з із зі к до від за по під над перед між через для без про після біля серед ' +
    'я ти він вона воно ми ви вони його її їх їм йому їй нам вам нас вас себе свій своя своє свої ' +
    'цей ця це ці той та те ті такий така таке такі який яка яке які хто де куди чому скільки ' +
    'всі все весь вся кожен кожна багато кілька інший інша інші був була було були буде є немає ' +
    'раніше пізніше нагадаємо зокрема водночас натомість ' +
    'понеділок вівторок середа четвер пʼятниця субота неділя січень лютий березень квітень травень ' +
    'червень липень серпень вересень жовтень листопад грудень фото відео читайте',
  hu:
    'a az egy és vagy de hogy ha mert mint is sem nem csak még már majd pedig tehát ezért azért így ' +
    'úgy akkor amikor ahol mivel bár pedig szerint után előtt között alatt felett mellett miatt ' +
    'nélkül során óta ellen iránt én te ő mi ti ők ez azt ezt ezek azok ennek annak aki amely ami ' +
    'ahol mikor miért hogyan ki mi minden mindenki sok néhány más másik valamint továbbá azonban ' +
    'ugyanakkor viszont végül eközben közben ma tegnap holnap itt ott most van volt lesz ' +
    'hétfő kedd szerda csütörtök péntek szombat vasárnap január február március április május ' +
    'június július augusztus szeptember október november december fotó videó',
  nl:
    'de het een en of maar want dus als dan toen omdat hoewel terwijl dat die dit deze wie wat waar ' +
    'hoe waarom ik jij je hij zij ze wij we jullie hen hun hem haar ons zijn mijn uw in op aan bij ' +
    'met van voor naar uit over onder tussen door tegen zonder sinds tot volgens tijdens ook nog al ' +
    'alleen zelfs nu vandaag gisteren morgen hier daar toen later eerst toch echter niet geen wel',
  ro:
    'și sau dar iar că dacă când unde cum de la în pe cu din pentru prin spre fără după înainte ' +
    'între până despre conform potrivit eu tu el ea noi voi ei ele acest această aceste acel acea ' +
    'care cine ce un o unei unui niște nu da mai deja încă doar chiar acum azi ieri mâine aici acolo ' +
    'apoi însă totuși astfel',
};

const sets = new Map<string, ReadonlySet<string>>(
  Object.entries(LISTS).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean))]),
);
const EMPTY: ReadonlySet<string> = new Set();

/** The function words of `lang` (a primary subtag), lower case; empty for English and unknown languages. */
export function functionWords(lang: string): ReadonlySet<string> {
  return sets.get(lang) ?? EMPTY;
}

/** Titles before a person's name, lower case: "Kanzlerin Merkel", "президент Зеленський". */
const TITLES: Readonly<Record<string, string>> = {
  de:
    'herr frau dr dr. prof prof. kanzler kanzlerin bundeskanzler bundeskanzlerin präsident präsidentin ' +
    'bundespräsident ministerpräsident ministerpräsidentin minister ministerin außenminister ' +
    'außenministerin verteidigungsminister verteidigungsministerin finanzminister finanzministerin ' +
    'bürgermeister bürgermeisterin generalsekretär generalsekretärin papst könig königin prinz ' +
    'prinzessin chef chefin sprecher sprecherin trainer trainerin vorsitzende vorsitzender ' +
    'parteichef parteichefin regierungschef regierungschefin abgeordnete abgeordneter senator general',
  fr: 'président présidente ministre premier m. mme député députée sénateur maire général',
  es: 'presidente presidenta ministro ministra canciller alcalde alcaldesa general sr. sra. don doña',
  it: 'presidente ministro ministra premier sindaco sindaca generale papa',
  pt: 'presidente ministro ministra governador governadora prefeito prefeita general técnico',
  pl: 'prezydent premier wicepremier minister marszałek prezes kanclerz poseł posłanka senator generał pan pani',
  cs: 'prezident premiér ministr ministryně kancléř předseda předsedkyně generál manažer trenér pan paní',
  ru: 'президент премьер-министр премьер министр канцлер генсек председатель глава генерал тренер',
  uk: "президент прем’єр-міністр прем'єр-міністр прем’єр прем'єр міністр канцлер генсек голова генерал тренер",
  hu: 'miniszterelnök elnök miniszter külügyminiszter kancellár polgármester tábornok',
};

const titleSets = new Map<string, ReadonlySet<string>>(
  Object.entries(TITLES).map(([lang, list]) => [lang, new Set(list.split(/\s+/).filter(Boolean))]),
);

/** The titles of `lang` (a primary subtag), lower case; empty for English (see lexicon.ts HONORIFICS). */
export function titles(lang: string): ReadonlySet<string> {
  return titleSets.get(lang) ?? EMPTY;
}

/** Languages with a list here. */
export const FUNCTION_WORD_LANGUAGES = [...sets.keys()];
