// The products the simulated cloud serves. Its own module: the auth checks and the error
// answers name a product, and they sit below the product handlers (products/types.ts, which
// reaches the world).
export type ProductId = 'cs' | 'kms' | 'ram' | 'sts' | 'actiontrail' | 'ecs' | 'vpc';
