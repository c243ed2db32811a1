/**
 * Column roles: what a column means, whatever its header says. The engine's SQL
 * speaks of roles only; ingestion maps each source's columns onto them.
 */

export const CUSTOMER_ROLES = [
  "id",
  "civility",
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "mobile",
  "address1",
  "address2",
  "postcode",
  "city",
  "country",
  "birthDate",
  "createdAt",
  "updatedAt",
  "optinEmail",
  "optinSms",
  "nps"
] as const;

export const ORDER_ROLES = ["customerId", "orderId", "orderDate", "amount", "quantity", "unitPrice", "channel"] as const;

export type CustomerRole = (typeof CUSTOMER_ROLES)[number];
export type OrderRole = (typeof ORDER_ROLES)[number];
export type Role = CustomerRole | OrderRole;

/** Roles that hold personal data: never published unmasked. */
export const PERSONAL_ROLES: ReadonlySet<Role> = new Set<Role>([
  "firstName",
  "lastName",
  "fullName",
  "email",
  "phone",
  "mobile",
  "address1",
  "address2",
  "birthDate"
]);

/** Roles whose values are dates. */
export const DATE_ROLES: ReadonlySet<Role> = new Set<Role>(["birthDate", "createdAt", "updatedAt", "orderDate"]);

/**
 * The snake_case column name of a role in the engine's standard views
 * (`customers_<source>`, `orders_<source>`): firstName → first_name.
 */
export function roleColumn(role: Role): string {
  return role === "id" ? "record_id" : role.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);
}
