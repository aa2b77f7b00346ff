// corroborate.yaml for the property tests: a registry as data, written out in
// every style YAML allows and analysts use (block and flow sections,
// explicit keys, block scalars that keep or strip their trailing lines,
// comments, anchors and the aliases that copy them, `---` and `...`
// markers, LF, CRLF and lone CR line endings, a BOM), and its generator.

import fc from 'fast-check';

type ScalarStyle = 'plain' | 'quoted' | '|' | '|+' | '|-' | '>-';
type EntryStyle = 'block' | 'flow' | 'explicit';

interface Text {
  readonly text: string;
  readonly style: ScalarStyle;
}

export interface EntityModel {
  readonly id: string;
  readonly name: string;
  readonly style: EntryStyle;
  readonly comment?: string;
  readonly description?: Text;
  readonly aliases?: readonly string[];
  readonly affiliations?: readonly string[];
  readonly in?: string;
  readonly place?: string;
  readonly date?: string;
  readonly disputed?: readonly string[];
  readonly disputedStyle?: 'flow' | 'block';
  readonly estimate?: readonly (readonly [string, string])[];
  readonly assessment?: Text;
  /** Its body carries this anchor, and `${id}-copy: *anchor` follows it. */
  readonly copied?: boolean;
}

export type SectionModel = { readonly style: 'block' | 'flow'; readonly entities: readonly EntityModel[] } | { readonly style: 'empty' | 'null' | 'absent' };

export interface RegistryModel {
  readonly properties: 'block' | 'flow';
  readonly actors: SectionModel;
  readonly places: SectionModel;
  readonly events: SectionModel;
  readonly eol: '\n' | '\r\n' | '\r';
  readonly bom: boolean;
  readonly start: boolean;
  readonly end: '' | '...' | '...\n# after the end';
  readonly indent: 2 | 4;
  readonly headComment: boolean;
}

const WORD = /^[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ0-9 ]*$/;

function flowScalar(text: string): string {
  return WORD.test(text) && text.trim() === text ? text : JSON.stringify(text);
}

/** `key: value` lines of one field, block scalars included, at `column`. */
function fieldLines(key: string, value: Text, column: number, indent: number): string[] {
  const pad = ' '.repeat(column);
  if (value.style === 'plain' || value.style === 'quoted') return [`${pad}${key}: ${value.style === 'quoted' ? JSON.stringify(value.text) : flowScalar(value.text)}`];
  const content = value.text.split('\n').map((line) => (line === '' ? '' : ' '.repeat(column + indent) + line));
  // A kept scalar keeps blank lines after its text; the others may have them too, outside their value.
  return [`${pad}${key}: ${value.style}`, ...content, '', ''];
}

function flowFields(entity: EntityModel, section: string): string[] {
  const fields = [`name: ${flowScalar(entity.name)}`];
  if (entity.aliases) fields.push(`aliases: [${entity.aliases.map(flowScalar).join(', ')}]`);
  if (entity.description) fields.push(`description: ${JSON.stringify(entity.description.text)}`);
  if (entity.affiliations) fields.push(`affiliations: [${entity.affiliations.join(', ')}]`);
  if (entity.in) fields.push(`in: ${entity.in}`);
  if (section === 'events') {
    if (entity.date) fields.push(`date: ${entity.date}`);
    if (entity.place) fields.push(`place: ${entity.place}`);
    if (entity.disputed) fields.push(`disputed: { outcome: [${entity.disputed.join(', ')}] }`);
    if (entity.estimate) fields.push(`estimate: { ${entity.estimate.map(([p, v]) => `${p}: ${JSON.stringify(v)}`).join(', ')} }`);
    if (entity.assessment) fields.push(`assessment: ${JSON.stringify(entity.assessment.text)}`);
  }
  return fields;
}

function blockFields(entity: EntityModel, section: string, column: number, indent: number): string[] {
  const pad = ' '.repeat(column);
  const lines = [`${pad}name: ${flowScalar(entity.name)}`];
  if (entity.aliases) lines.push(`${pad}aliases: [${entity.aliases.map(flowScalar).join(', ')}]`);
  if (entity.affiliations) lines.push(`${pad}affiliations: [${entity.affiliations.join(', ')}]`);
  if (entity.in) lines.push(`${pad}in: ${entity.in}`);
  if (section === 'events') {
    if (entity.date) lines.push(`${pad}date: ${entity.date}`);
    if (entity.place) lines.push(`${pad}place: "@${entity.place}"`);
    if (entity.disputed && entity.disputedStyle === 'block') {
      lines.push(`${pad}disputed:`, `${pad}${' '.repeat(indent)}outcome:`, ...entity.disputed.map((v) => `${pad}${' '.repeat(indent * 2)}- ${v}`));
    } else if (entity.disputed) lines.push(`${pad}disputed: { outcome: [${entity.disputed.join(', ')}] }  # assessed`);
    if (entity.estimate) lines.push(`${pad}estimate:`, ...entity.estimate.map(([p, v]) => `${pad}${' '.repeat(indent)}${p}: ${JSON.stringify(v)}`));
    if (entity.assessment) lines.push(...fieldLines('assessment', entity.assessment, column, indent));
  }
  // Last, so that what follows the entity comes after a block scalar's trailing lines.
  if (entity.description) lines.push(...fieldLines('description', entity.description, column, indent));
  return lines;
}

function sectionLines(key: string, section: SectionModel, indent: number): string[] {
  switch (section.style) {
    case 'absent':
      return [];
    case 'empty':
      return [`${key}:   # none yet`];
    case 'null':
      return [`${key}: ~`];
    case 'flow': {
      const entries = section.entities.flatMap((entity) => {
        const anchor = entity.copied ? `&${entity.id}-body ` : '';
        const own = `${entity.id}: ${anchor}{ ${flowFields(entity, key).join(', ')} }`;
        return entity.copied ? [own, `${entity.id}-copy: *${entity.id}-body`] : [own];
      });
      return [`${key}: { ${entries.join(', ')} }`];
    }
    case 'block': {
      const pad = ' '.repeat(indent);
      const lines = [`${key}:`];
      for (const entity of section.entities) {
        if (entity.comment) lines.push(`${pad}# ${entity.comment}`);
        const anchor = entity.copied ? ` &${entity.id}-body` : '';
        if (entity.style === 'flow') lines.push(`${pad}${entity.id}:${anchor} { ${flowFields(entity, key).join(', ')} }`);
        else if (entity.style === 'explicit' && !entity.copied) {
          const [first, ...rest] = blockFields(entity, key, indent + 2, indent);
          lines.push(`${pad}? ${entity.id}`, `${pad}: ${first.trimStart()}`, ...rest);
        } else lines.push(`${pad}${entity.id}:${anchor}`, ...blockFields(entity, key, indent * 2, indent));
        if (entity.copied) lines.push(`${pad}${entity.id}-copy: *${entity.id}-body`);
      }
      return lines;
    }
  }
}

export function writeRegistry(model: RegistryModel): string {
  const lines: string[] = [];
  if (model.headComment) lines.push('# A registry written by the property test.');
  if (model.start) lines.push('---');
  lines.push('documents: ["*.txt"]');
  const pad = ' '.repeat(model.indent);
  const properties = [
    'outcome: { type: enum, values: [captured, repelled, withdrawn] }',
    'killed: { type: count }',
    'date: { type: date }',
    'place: { type: entity, kind: place }',
  ];
  if (model.properties === 'flow') lines.push(`properties: { ${properties.join(', ')} }`);
  else lines.push('properties:', ...properties.map((p) => pad + p));
  lines.push(...sectionLines('actors', model.actors, model.indent), ...sectionLines('places', model.places, model.indent), ...sectionLines('events', model.events, model.indent));
  if (model.end !== '') lines.push(...model.end.split('\n'));
  return (model.bom ? '\uFEFF' : '') + lines.join(model.eol) + model.eol;
}

// ---------------------------------------------------------------------------
// Generators.

const text = fc.constantFrom('Sahel coalition', "Groupe de soutien à l'islam", 'line one\nline two', 'a: b # not a comment', '« guillemets »', 'عربي', '😀 emoji', 'ends with colon:');
const textValue = fc.record({ text, style: fc.constantFrom<ScalarStyle>('plain', 'quoted', '|', '|+', '|-', '>-') }).map((t) => (t.text.includes('\n') && (t.style === 'plain' || t.style === 'quoted') ? { ...t, style: 'quoted' as const } : t));
const name = fc.constantFrom('JNIM', 'Forces armées maliennes', 'Agence France-Presse', 'Local sources', 'Mali', 'Gao', 'Attack on the camp', 'الجيش');
const entryStyle = fc.constantFrom<EntryStyle>('block', 'flow', 'explicit');

function entities(ids: readonly string[], extra: (id: string) => fc.Arbitrary<Partial<EntityModel>>): fc.Arbitrary<EntityModel[]> {
  return fc.subarray([...ids], { minLength: 1 }).chain((chosen) =>
    fc.tuple(
      ...chosen.map((id) =>
        fc
          .record({
            name,
            style: entryStyle,
            comment: fc.option(fc.constantFrom('the parties', 'checked 2023-11-25', 'à revoir'), { nil: undefined }),
            description: fc.option(textValue, { nil: undefined }),
            aliases: fc.option(fc.subarray(['Alias One', 'AO', 'Deuxième nom']), { nil: undefined }),
            copied: fc.boolean(),
          })
          .chain((base) => extra(id).map((more) => ({ id, ...withoutUndefined(base), ...more }) as EntityModel)),
      ),
    ),
  );
}

function withoutUndefined<T extends object>(record: T): Partial<T> {
  return Object.fromEntries(Object.entries(record).filter(([, v]) => v !== undefined)) as Partial<T>;
}

function section(ids: readonly string[], extra: (id: string) => fc.Arbitrary<Partial<EntityModel>>): fc.Arbitrary<SectionModel> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.record({ style: fc.constantFrom<'block' | 'flow'>('block', 'flow'), entities: entities(ids, extra) }) },
    { weight: 1, arbitrary: fc.constantFrom<SectionModel>({ style: 'empty' }, { style: 'null' }, { style: 'absent' }) },
  );
}

export const registryModel: fc.Arbitrary<RegistryModel> = fc.record({
  properties: fc.constantFrom<'block' | 'flow'>('block', 'flow'),
  actors: section(['jnim', 'fama', 'afp'], (id) => (id === 'fama' ? fc.constant({ affiliations: ['jnim'] }) : fc.constant({}))).map((s) =>
    // fama's affiliation names jnim: keep it only when jnim is there.
    'entities' in s && !s.entities.some((e) => e.id === 'jnim') ? { ...s, entities: s.entities.map(({ affiliations: _dropped, ...e }) => e) } : s,
  ),
  places: section(['mali', 'gao', 'niafunke'], () => fc.constant({})).map((s) =>
    'entities' in s && s.entities.some((e) => e.id === 'mali') ? { ...s, entities: s.entities.map((e) => (e.id === 'mali' ? e : { ...e, in: 'mali' })) } : s,
  ),
  events: section(['attack', 'raid'], () =>
    fc.record({
      date: fc.option(fc.constantFrom('2023-11-24', '0023-11', '2023'), { nil: undefined }),
      disputed: fc.option(fc.constantFrom(['captured', 'repelled'], ['repelled', 'withdrawn']), { nil: undefined }),
      disputedStyle: fc.constantFrom<'flow' | 'block'>('flow', 'block'),
      estimate: fc.option(fc.constantFrom([['killed', '~50']] as const, [['killed', '20..50'], ['outcome', 'repelled']] as const), { nil: undefined }),
      assessment: fc.option(textValue, { nil: undefined }),
    }).map(withoutUndefined),
  ),
  eol: fc.constantFrom<RegistryModel['eol']>('\n', '\r\n', '\r'),
  bom: fc.boolean(),
  start: fc.boolean(),
  end: fc.constantFrom<RegistryModel['end']>('', '...', '...\n# after the end'),
  indent: fc.constantFrom<2 | 4>(2, 4),
  headComment: fc.boolean(),
});
