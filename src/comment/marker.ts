/** The hidden first line that finds a job's comment again: one comment per job and artifact name. */
export function commentMarker(job: string, artifactName: string): string {
  const clean = (value: string): string => value.replace(/[^\w.\- ]/g, '_').slice(0, 100)
  return `<!-- ml-smoke:comment job=${clean(job)} artifact=${clean(artifactName)} -->`
}

/** Whether `body` is an ml-smoke comment (of any job). */
export function isSmokeComment(body: string): boolean {
  return body.startsWith('<!-- ml-smoke:comment ')
}
