// The product catalogue: RPC products are found by API version, CS by its ROA routes.
import { actiontrail } from './actiontrail';
import { cs } from './cs';
import { ecs } from './ecs';
import { kms } from './kms';
import { ram } from './ram';
import { sts } from './sts';
import type { Product } from './types';
import { vpc } from './vpc';

export const PRODUCTS: Product[] = [cs, kms, ram, sts, actiontrail, ecs, vpc];
export const BY_VERSION = new Map(PRODUCTS.map((p) => [p.version, p]));
