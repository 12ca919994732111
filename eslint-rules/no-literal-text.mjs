// Words a person reads come from messages/*.json in the reader's language, never from a literal in a
// component. This rule reports text written straight into JSX: text between tags, strings and template
// text rendered as children (through ?: and &&), and the attributes a person reads or hears
// (aria-label, title, placeholder, alt, label, caption). Punctuation and symbols pass (" · ", "—",
// "#", "L${level}"): a word is two letters or more, or any CJK character.

const READ_ATTRIBUTES = new Set(['aria-label', 'aria-description', 'aria-roledescription', 'aria-valuetext', 'title', 'placeholder', 'alt', 'label', 'caption']);
const WORDS = /[A-Za-z]{2,}|[\u3400-\u9fff\uf900-\ufaff]/;

const hasWords = (text) => typeof text === 'string' && WORDS.test(text);

/** The string parts of an expression that end up rendered: literals, template text, branches of ?: and &&/||. */
function renderedStrings(node) {
  if (!node) return [];
  switch (node.type) {
    case 'Literal':
      return typeof node.value === 'string' ? [{ node, text: node.value }] : [];
    case 'TemplateLiteral':
      return [{ node, text: node.quasis.map((q) => q.value.cooked ?? '').join('…') }];
    case 'ConditionalExpression':
      return [...renderedStrings(node.consequent), ...renderedStrings(node.alternate)];
    case 'LogicalExpression':
      return node.operator === '&&' ? renderedStrings(node.right) : [...renderedStrings(node.left), ...renderedStrings(node.right)];
    default:
      return [];
  }
}

export const noLiteralText = {
  meta: {
    type: 'problem',
    docs: { description: 'Rendered words must come from messages, not literals' },
    messages: { literal: 'Literal text "{{text}}" in a component: put it in messages/en.json and messages/zh-CN.json and render it with t().' },
    schema: [],
  },
  create(context) {
    const report = (node, text) => context.report({ node, messageId: 'literal', data: { text: text.trim().slice(0, 40) } });
    const checkExpression = (expression) => {
      for (const { node, text } of renderedStrings(expression)) if (hasWords(text)) report(node, text);
    };
    return {
      JSXText(node) {
        if (hasWords(node.value)) report(node, node.value);
      },
      JSXExpressionContainer(node) {
        const parent = node.parent;
        if (parent?.type === 'JSXElement' || parent?.type === 'JSXFragment') checkExpression(node.expression);
      },
      JSXAttribute(node) {
        const name = node.name.type === 'JSXIdentifier' ? node.name.name : '';
        if (!READ_ATTRIBUTES.has(name) || !node.value) return;
        if (node.value.type === 'Literal') {
          if (hasWords(node.value.value)) report(node.value, String(node.value.value));
        } else if (node.value.type === 'JSXExpressionContainer') {
          checkExpression(node.value.expression);
        }
      },
    };
  },
};

const plugin = { rules: { 'no-literal-text': noLiteralText } };
export default plugin;
