// A later job in the same workflow run: find the artifact by name and download it with the real
// @actions/artifact client, checking the digest the service recorded (what download-artifact v8 does).
import { DefaultArtifactClient } from '@actions/artifact'

const [name, target] = process.argv.slice(2)
const client = new DefaultArtifactClient()
const { artifact } = await client.getArtifact(name)
const result = await client.downloadArtifact(artifact.id, {
  path: target,
  expectedHash: artifact.digest
})
console.log(JSON.stringify({ id: artifact.id, digest: artifact.digest, ...result }))
