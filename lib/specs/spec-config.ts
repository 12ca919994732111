import 'server-only';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { findNodeAtLocation, parseTree, printParseErrorCode, type Node, type ParseError } from 'jsonc-parser';
import { ConfigError, invalidInput } from '@/lib/errors';
import { specsFileSchema, type DeliverySpec } from './delivery-spec';

// The team's delivery specs: MEDIA_SPECS_FILE, a JSON file (config/media-specs.example.json shows the
// form), read and checked once at start like the rest of the configuration. A bad file stops the server
// with each problem at its place in the file ("specs.json:14:19 specs[0].rules.height.min: ..."), found
// with jsonc-parser's syntax tree, since JSON.parse tells positions only for broken syntax. Unset: no
// specs, and the portal offers none.

/** Where in the text an offset is, 1-based, as editors count. */
function lineAndColumn(text: string, offset: number): string {
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before.at(-1)!.length + 1}`;
}

/** The node of `at`, or of its nearest ancestor the file has (a missing key's object). */
function nodeOf(tree: Node, at: (string | number)[]): Node | undefined {
  for (let depth = at.length; depth >= 0; depth--) {
    const node = findNodeAtLocation(tree, at.slice(0, depth));
    if (node) return node.parent?.type === 'property' ? node.parent : node;
  }
  return undefined;
}

const pathText = (at: PropertyKey[]) => at.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : `${text}${text ? '.' : ''}${String(key)}`), '');

/** The specs of a file's text, or a ConfigError naming each problem with its place. */
export function parseSpecsFile(text: string, fileName: string): DeliverySpec[] {
  const errors: ParseError[] = [];
  const tree = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (errors.length > 0 || !tree) {
    // The first syntax error is the one to fix; the parser's next ones follow from it.
    const first = errors[0];
    throw new ConfigError([`MEDIA_SPECS_FILE ${fileName}:${first ? lineAndColumn(text, first.offset) : '1:1'} is not valid JSON (${first ? printParseErrorCode(first.error) : 'empty'})`]);
  }
  const parsed = specsFileSchema.safeParse(JSON.parse(text));
  if (!parsed.success) {
    throw new ConfigError(
      parsed.error.issues.map((issue) => {
        const at = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
        const node = nodeOf(tree, at);
        return `MEDIA_SPECS_FILE ${fileName}:${node ? lineAndColumn(text, node.offset) : '1:1'} ${pathText(issue.path) || '(the file)'}: ${issue.message}`;
      }),
    );
  }
  return parsed.data.specs;
}

let cached: { file: string | undefined; specs: DeliverySpec[] } | undefined;

/** The configured specs, in the file's order; none when MEDIA_SPECS_FILE is unset. Throws ConfigError. */
export function getSpecs(): DeliverySpec[] {
  const file = process.env.MEDIA_SPECS_FILE?.trim() || undefined;
  if (cached && cached.file === file) return cached.specs;
  let specs: DeliverySpec[] = [];
  if (file) {
    let text: string;
    try {
      // Ignored by the build's file tracing: a path from the environment made Turbopack copy the whole
      // project into the standalone output (the container rehearsal caught it).
      text = readFileSync(path.resolve(/* turbopackIgnore: true */ file), 'utf8');
    } catch (error) {
      throw new ConfigError([`MEDIA_SPECS_FILE ${file} cannot be read (${(error as NodeJS.ErrnoException).code ?? 'error'}): give the path of a JSON file such as config/media-specs.example.json`]);
    }
    specs = parseSpecsFile(text, file);
  }
  cached = { file, specs };
  return specs;
}

/** The spec a URL names; an unknown one is a 400 naming the parameter and the specs there are. */
export function requireSpec(id: string, field = 'Spec'): DeliverySpec {
  const specs = getSpecs();
  const spec = specs.find((s) => s.id === id);
  if (spec) return spec;
  const allowed = specs.map((s) => s.id).join(', ');
  // The id came from a URL: quoted as JSON in the API's English (control characters escaped), and cut
  // to a name's length for the pages, which say it in their own words.
  // The pages say it from the reason and its params, the id included, in their own language.
  if (specs.length === 0) throw invalidInput(field, `${JSON.stringify(id)} names a delivery spec, and this portal has none (MEDIA_SPECS_FILE is unset)`, { reason: 'no_specs', given: id.slice(0, 64) });
  throw invalidInput(field, `${JSON.stringify(id)} names no delivery spec of this portal; it has ${allowed}`, { reason: 'unknown_spec', given: id.slice(0, 64), allowed });
}

/** What a page offers to choose from: each spec's id and name. */
export const specChoices = (): { id: string; name: string }[] => getSpecs().map(({ id, name }) => ({ id, name }));
