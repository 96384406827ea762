/** True only when A and B are the same union: used for compile-time completeness checks. */
export type Exact<A, B> = [A] extends [B] ? ([B] extends [A] ? true : never) : never;
