/**
 * Reach on a 0–100 scale: log-scaled followers (10 → ~14, 10k → ~57, 10M → ~100), nudged by how
 * much engagement the author's posts draw. Log because reach spans seven orders of magnitude
 * and analysts compare authors within, not across, them.
 */
export function influenceScore(followers: number, engagementPerPost = 0): number {
  const reach = Math.log10(Math.max(0, followers) + 1) / 7;
  const engagement = Math.log10(Math.max(0, engagementPerPost) + 1) / 5;
  return Math.round(Math.min(1, reach * 0.85 + engagement * 0.15) * 1000) / 10;
}
