import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import ts from 'typescript';

// The modules of ours that the browser runs: every 'use client' module and everything it imports (a
// module without the directive becomes client code when a client module imports it), walked from the
// sources with TypeScript's own parser. Type-only imports are not followed: they leave no code. For the tests that hold what the browser gets.

export const ROOT = path.resolve(__dirname, '../..');
const SOURCE_DIRS = ['app', 'components', 'lib'];

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const file = path.join(dir, name);
    if (statSync(file).isDirectory()) return sourceFiles(file);
    return /\.tsx?$/.test(name) ? [file] : [];
  });
}

/** A module of ours, or undefined for a package's. */
function resolveImport(from: string, specifier: string): string | undefined {
  const base = specifier.startsWith('@/') ? path.join(ROOT, specifier.slice(2)) : specifier.startsWith('.') ? path.resolve(path.dirname(from), specifier) : undefined;
  if (!base) return undefined;
  return [`${base}.ts`, `${base}.tsx`, path.join(base, 'index.ts'), path.join(base, 'index.tsx')].find((f) => existsSync(f));
}

const isClientModule = (text: string) => /^\s*(['"])use client\1/.test(text);

export interface ClientModule {
  text: string;
  /** The packages it imports, by their import specifier (`zod`, `next/link`). */
  packages: string[];
}

/** What a module imports for its code: type-only imports (`import type`, `{ type X }` alone) leave no code. */
function codeImports(file: string, text: string): string[] {
  const source = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, file.endsWith('x') ? ts.ScriptKind.TSX : ts.ScriptKind.TS);
  const specifiers: string[] = [];
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      const clause = statement.importClause;
      const named = clause?.namedBindings && ts.isNamedImports(clause.namedBindings) ? clause.namedBindings.elements : undefined;
      const typeOnly = clause?.isTypeOnly || (clause && !clause.name && named && named.length > 0 && named.every((element) => element.isTypeOnly));
      if (!typeOnly) specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    } else if (ts.isExportDeclaration(statement) && statement.moduleSpecifier && !statement.isTypeOnly) {
      specifiers.push((statement.moduleSpecifier as ts.StringLiteral).text);
    }
  }
  return specifiers;
}

/** Every module of ours that the browser runs, by its path from the repository's root. */
export function clientModules(): Map<string, ClientModule> {
  const all = SOURCE_DIRS.flatMap((dir) => sourceFiles(path.join(ROOT, dir)));
  const pending = all.filter((file) => isClientModule(readFileSync(file, 'utf8')));
  const modules = new Map<string, ClientModule>();
  while (pending.length > 0) {
    const file = pending.pop()!;
    const name = path.relative(ROOT, file);
    if (modules.has(name)) continue;
    const text = readFileSync(file, 'utf8');
    const packages: string[] = [];
    for (const specifier of codeImports(file, text)) {
      const target = resolveImport(file, specifier);
      if (target) pending.push(target);
      else packages.push(specifier);
    }
    modules.set(name, { text, packages });
  }
  return modules;
}
