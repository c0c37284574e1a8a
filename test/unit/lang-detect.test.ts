import { describe, expect, it } from 'vitest';
import { detectLanguage } from '@/src/core/lang/detect';

describe('detectLanguage', () => {
  it.each([
    ['en', 'The alliance said on Friday that it would take over the coordination of aid to Ukraine.'],
    ['de', 'Die Allianz wird die Koordinierung der Hilfe für die Ukraine übernehmen, sagte er am Freitag.'],
    ['fr', "L'Alliance a annoncé vendredi qu'elle prendra en charge la coordination de l'aide à l'Ukraine."],
    ['es', 'La alianza asumirá la coordinación de la ayuda a Ucrania, según dijo el secretario general.'],
    ['it', "L'Alleanza assumerà il coordinamento degli aiuti all'Ucraina, ha detto il segretario generale."],
    ['pt', 'A aliança vai assumir a coordenação da ajuda à Ucrânia, segundo o secretário-geral.'],
    ['nl', 'De alliantie neemt de coördinatie van de hulp aan Oekraïne over, zei de secretaris-generaal.'],
    ['pl', 'Sojusz przejmie koordynację pomocy dla Ukrainy, powiedział sekretarz generalny.'],
    ['cs', 'Aliance převezme koordinaci pomoci Ukrajině, uvedl generální tajemník.'],
    ['ro', 'Alianța va prelua coordonarea ajutorului pentru Ucraina, a declarat secretarul general.'],
    ['hu', 'A szövetség átveszi az Ukrajnának nyújtott segítség koordinálását, mondta a főtitkár.'],
    ['ru', 'Альянс возьмёт на себя координацию помощи Украине, заявил генеральный секретарь.'],
    ['uk', 'Альянс візьме на себе координацію допомоги Україні, заявив генеральний секретар.'],
  ])('tells %s', (lang, text) => {
    expect(detectLanguage(text)).toBe(lang);
  });

  it('says nothing when the evidence is thin', () => {
    expect(detectLanguage('Stoltenberg')).toBeNull();
    expect(detectLanguage('12 345')).toBeNull();
    expect(detectLanguage('北大西洋公約機構')).toBeNull();
  });
});
