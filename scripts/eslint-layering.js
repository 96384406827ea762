// The ESLint rule behind the layering table in eslint.config.js (VS Code's code-layering idea):
// every import is resolved to the room it lands in, and the importing file's room must list that
// room in the table. Resolving the path (rather than matching the import text) means no spelling
// of an arrow slips past: '../main/x', '../../electron/main/x', an alias, a dynamic import().
//
// Rooms are folders (or single files) relative to the config's directory; a file belongs to the
// room with the longest matching folder, so electron/core/demo/ can be a room of its own inside
// electron/core/. Besides rooms, an import can land in one of three outside rooms: 'electron',
// 'node' (the built-ins) and 'packages' (any other npm package). A file in no room (tests, bench,
// scripts, config files) is not checked; an import from a room into a file in no room is reported.
import { builtinModules } from 'node:module';
import path from 'node:path';

export const OUTSIDE_ROOMS = ['electron', 'node', 'packages'];

const BUILTINS = new Set(builtinModules);

function toPosix(file) {
  return file.split(path.sep).join('/');
}

/** The room a repository-relative path belongs to (longest folder wins), or null. */
export function roomOf(relativePath, rooms) {
  let best = null;
  for (const [name, room] of Object.entries(rooms)) {
    const folder = room.path;
    if (relativePath === folder || relativePath.startsWith(`${folder}/`)) {
      if (best === null || folder.length > rooms[best].path.length) best = name;
    }
  }
  return best;
}

/** Where an import specifier lands: { room } for an outside room, { file } for our own files. */
function resolveSpecifier(specifier, importer, root, aliases) {
  for (const [alias, target] of Object.entries(aliases)) {
    if (specifier === alias || specifier.startsWith(`${alias}/`)) {
      return { file: path.join(root, target, specifier.slice(alias.length)) };
    }
  }
  if (specifier.startsWith('.') || path.isAbsolute(specifier)) {
    return { file: path.resolve(path.dirname(importer), specifier) };
  }
  if (specifier.startsWith('node:') || BUILTINS.has(specifier.split('/')[0])) {
    return { room: 'node' };
  }
  if (specifier === 'electron' || specifier.startsWith('electron/')) return { room: 'electron' };
  return { room: 'packages' };
}

export const layeringRule = {
  meta: {
    type: 'problem',
    docs: { description: 'Imports follow the layering table in eslint.config.js.' },
    schema: [
      {
        type: 'object',
        properties: { rooms: { type: 'object' }, aliases: { type: 'object' } },
        required: ['rooms'],
        additionalProperties: false,
      },
    ],
    messages: {
      forbidden:
        "{{from}} may not import {{to}} ('{{specifier}}'). The layering table in eslint.config.js allows {{from}} -> {{allowed}}.",
      outside:
        "{{from}} may not import '{{specifier}}': it is in no room of the layering table in eslint.config.js.",
    },
  },
  create(context) {
    const { rooms, aliases = {} } = context.options[0];
    const root = context.cwd;
    const filename = context.filename;
    const from = roomOf(toPosix(path.relative(root, filename)), rooms);
    if (from === null) return {};
    const allowed = new Set([from, ...rooms[from].may]);

    function check(node, source) {
      if (!source || source.type !== 'Literal' || typeof source.value !== 'string') return;
      const specifier = source.value;
      const target = resolveSpecifier(specifier, filename, root, aliases);
      const to = target.room ?? roomOf(toPosix(path.relative(root, target.file)), rooms);
      if (to === null) {
        context.report({ node, messageId: 'outside', data: { from, specifier } });
      } else if (!allowed.has(to)) {
        context.report({
          node,
          messageId: 'forbidden',
          data: { from, to, specifier, allowed: rooms[from].may.join(', ') || 'nothing' },
        });
      }
    }

    return {
      ImportDeclaration: (node) => check(node, node.source),
      ExportNamedDeclaration: (node) => check(node, node.source),
      ExportAllDeclaration: (node) => check(node, node.source),
      ImportExpression: (node) => check(node, node.source),
      TSImportType: (node) => check(node, node.argument?.literal ?? node.argument),
    };
  },
};

/** The table checked for mistakes before the rule uses it: unknown rooms in a 'may' list. */
export function checkedRooms(rooms) {
  for (const [name, room] of Object.entries(rooms)) {
    for (const target of room.may) {
      if (!(target in rooms) && !OUTSIDE_ROOMS.includes(target)) {
        throw new Error(
          `eslint.config.js layering table: ${name} may import unknown room ${target}`,
        );
      }
    }
  }
  return rooms;
}
