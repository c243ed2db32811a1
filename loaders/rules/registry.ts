/**
 * The rule catalogue: every rule of kpis.md, one file each, in the order the
 * report lists them. The engine, the site and the docs read this list.
 *
 *   RULES            the rules, in catalogue order
 *   ruleById(id)     one rule, or an error naming the known ids
 */
import type {Rule} from "./rule.ts";
import emailSyntax from "./email/syntax.ts";
import emailDomainTypo from "./email/domain-typo.ts";
import emailDisposable from "./email/disposable.ts";
import emailRole from "./email/role.ts";

export const RULES: readonly Rule[] = register([emailSyntax, emailDomainTypo, emailDisposable, emailRole]);

function register(rules: Rule[]): readonly Rule[] {
  const seen = new Set<string>();
  for (const rule of rules) {
    if (seen.has(rule.id)) throw new Error(`rule ${rule.id} is registered twice`);
    seen.add(rule.id);
  }
  return Object.freeze(rules);
}

export function ruleById(id: string): Rule {
  const rule = RULES.find((r) => r.id === id);
  if (!rule) throw new Error(`unknown rule: ${id} (known rules: ${RULES.map((r) => r.id).join(", ")})`);
  return rule;
}
