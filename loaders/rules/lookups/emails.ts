/**
 * Every present email of a run, read once: whether it is usable
 * (email.syntax's test) and, if so, its lower-case domain and local part. The
 * email rules and duplicate.exact read this table rather than the raw column.
 *
 *   emailFacts(ctx)   table: row_number, record_id, value, usable, domain, local
 */
import {ident} from "../../db/sql.ts";
import type {RuleContext} from "../rule.ts";
import {col, presentSql} from "../text-sql.ts";
import {emailDomainSql, emailLocalSql, emailUsableSql} from "../email/syntax.ts";

async function createEmailFacts(ctx: RuleContext, table: string): Promise<void> {
  const email = col("email");
  await ctx.db.exec(`CREATE OR REPLACE TABLE ${ident(table)} AS
    SELECT row_number, record_id, value, usable,
      CASE WHEN usable THEN ${emailDomainSql("value")} END AS domain,
      CASE WHEN usable THEN ${emailLocalSql("value")} END AS local
    FROM (SELECT row_number, record_id, ${email} AS value, ${emailUsableSql(email)} AS usable FROM ${ctx.input} WHERE ${presentSql(email)})`);
}

export function emailFacts(ctx: RuleContext): Promise<string> {
  return ctx.lookup("email_facts", (t) => createEmailFacts(ctx, t)).then(ident);
}
