// Is a word a given name? compromise's lexicon knows many (Vladimir, Viktor, David), mostly as
// English writes them; the commonest given names of the other languages capture reads, written
// here, fill the gap (Mateusz, Grzegorz, Péter). A two- or three-word name that starts with one
// (ends with one, in Hungarian: "Orbán Viktor") is a person.
import { latinForms } from '../lang/names';
import { stripDiacritics } from './entities';
import { lexiconTags } from './lexicon';

const GIVEN = new Set(
  // Polish
  (
    'adam andrzej anna agnieszka barbara beata bogdan borys dariusz donald elżbieta ewa grzegorz ' +
    'jacek jakub jan janusz jarosław jerzy joanna józef kamil karol katarzyna krzysztof leszek ' +
    'łukasz maciej magdalena małgorzata marcin marek mariusz mateusz michał monika paweł piotr ' +
    'rafał robert roman ryszard sławomir stanisław szymon tadeusz tomasz wojciech władysław ' +
    'zbigniew zdzisław ' +
    // Czech
    'jiří jaroslav josef jana lukáš martin miloš ondřej pavel petr tomáš václav vladimír vojtěch ' +
    'zdeněk ' +
    // Russian and Ukrainian (as the Russian and Ukrainian tables write them in Latin)
    'aleksandr aleksandra aleksei aleksey andrei andrii anatolii boris dmitrii dmitro dmytro ' +
    'evgenii gennadii igor ihor iurii iulia ivan lukash mariia mikhail mykhailo mykola natalia ' +
    'nikolai oleg oleh oleksandr oleksii olena petro sergei serhii sviatoslav taras vadim vasilii ' +
    'vitalii viacheslav volodymyr yulia yurii lotar ' +
    // Hungarian
    'andrás attila balázs béla csaba ferenc gábor gergely györgy istván jános józsef judit katalin ' +
    'lajos lászló mihály miklós péter sándor tamás zoltán zsolt ' +
    // German, French, Spanish, Italian, Portuguese names compromise lacks
    'annalena bastian friedrich jürgen olaf wolfgang françois jean-luc jean-marc ségolène ' +
    'giorgia matteo sergio pedro jair lula'
  ).split(' '),
);

/** Whether `word` is a given name, in Latin or Cyrillic script. */
export function isGivenName(word: string): boolean {
  const lower = word.toLowerCase();
  const forms = [lower, stripDiacritics(lower), ...latinForms(word).map((f) => f.toLowerCase())];
  return forms.some(
    (f) => GIVEN.has(f) || lexiconTags(f).some((t) => t.endsWith('Name') && t !== 'LastName'),
  );
}

/** "Mateusz Morawiecki", "Лукаш Подольски", "Orbán Viktor": two or three capitalised words with a given name. */
export function looksLikePerson(name: string, lang: string): boolean {
  const words = name.split(' ');
  if (words.length < 2 || words.length > 3 || !words.every((w) => /^\p{Lu}\p{Ll}/u.test(w))) return false;
  return isGivenName(words[0] as string) || (lang === 'hu' && isGivenName(words[words.length - 1] as string));
}
