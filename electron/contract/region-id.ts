// The one rule for a region id, wherever it comes from: typed by a user, read from a file, or
// returned by the cloud (CS DescribeRegions). A region id becomes part of a host name
// (cs.<region>.aliyuncs.com), so anything else — dots, slashes, ports — must never get through.

/** Region ids as the cloud writes them: cn-hangzhou, cn-wuhan-lr, cn-shanghai-finance-1. */
export const REGION_ID_PATTERN = /^[a-z]{2,4}(-[a-z0-9]+){1,4}$/;

/** Longer than any real region id; keeps a hostile one from filling a host name or a log line. */
export const REGION_ID_MAX_LENGTH = 64;

export function isRegionId(value: unknown): value is string {
  return (
    typeof value === 'string' &&
    value.length <= REGION_ID_MAX_LENGTH &&
    REGION_ID_PATTERN.test(value)
  );
}
