// Reads a lesson's Markdown the way marked does, to find its links and the shell commands it asks learners to run.
import { marked, type Token } from "marked";

function walk(tokens: Token[], visit: (token: Token) => void): void {
  for (const token of tokens) {
    visit(token);
    const children = (token as { tokens?: Token[] }).tokens;
    if (children) walk(children, visit);
    if (token.type === "list") for (const item of token.items) walk(item.tokens, visit);
    if (token.type === "table") for (const cell of [...token.header, ...token.rows.flat()]) walk(cell.tokens, visit);
  }
}

export function linksIn(markdown: string): string[] {
  const links: string[] = [];
  walk(marked.lexer(markdown), (token) => {
    if (token.type === "link") links.push(token.href);
  });
  return links;
}

/** The `npm run kafka -- …` lines of ```sh blocks, in order (other languages are illustrations, not run). */
export function kafkaCommandsIn(markdown: string): string[] {
  const commands: string[] = [];
  walk(marked.lexer(markdown), (token) => {
    if (token.type !== "code" || !["sh", "bash", "shell", "console"].includes(token.lang ?? "")) return;
    for (const line of token.text.split("\n")) {
      const command = line.replace(/^\$ /, "").replace(/\s+#.*$/, "").trim();
      if (/(^|\|\s*)npm run kafka -- /.test(command)) commands.push(command);
    }
  });
  return commands;
}
