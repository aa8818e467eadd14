/** One Sigstore bundle, verified offline: signature, certificate chain, timestamps, transparency log. */
import { bundleFromJSON, type Bundle } from '@sigstore/bundle'
import { X509Certificate } from '@sigstore/core'
import type { TrustedRoot } from '@sigstore/protobuf-specs'
import { toSignedEntity, toTrustMaterial, Verifier, type VerifierOptions } from '@sigstore/verify'
import { signerOf, type Signer } from './identity.js'
import type { Statement } from './statements.js'

const IN_TOTO = 'application/vnd.in-toto+json'

export interface VerifiedStatement {
  statement: Statement
  signer: Signer
}

/** Why a bundle does not verify: the message names what failed. */
export class BundleError extends Error {}

function leafCertificate(bundle: Bundle): X509Certificate {
  const content = bundle.verificationMaterial.content
  const raw =
    content.$case === 'certificate'
      ? content.certificate.rawBytes
      : content.$case === 'x509CertificateChain'
        ? content.x509CertificateChain.certificates[0]?.rawBytes
        : undefined
  if (!raw)
    throw new BundleError('it has no signing certificate (a keyless Sigstore bundle has one)')
  return X509Certificate.parse(raw)
}

/**
 * Public-good signs with a certificate logged in CT and an entry in Rekor; GitHub's instance has
 * neither, and a timestamp authority's countersignature instead (as gh attestation verify expects).
 */
function thresholds(bundle: Bundle): VerifierOptions {
  return bundle.verificationMaterial.tlogEntries.length
    ? { tlogThreshold: 1, ctlogThreshold: 1 }
    : { tlogThreshold: 0, ctlogThreshold: 0, tsaThreshold: 1 }
}

function statementOf(bundle: Bundle): Statement {
  if (bundle.content.$case !== 'dsseEnvelope')
    throw new BundleError('it signs a plain message, not an in-toto statement')
  const envelope = bundle.content.dsseEnvelope
  if (envelope.payloadType !== IN_TOTO)
    throw new BundleError(`its payload is ${envelope.payloadType}, not ${IN_TOTO}`)
  const statement = JSON.parse(envelope.payload.toString('utf8')) as Statement
  if (!Array.isArray(statement.subject) || typeof statement.predicateType !== 'string')
    throw new BundleError('its payload is not an in-toto statement')
  return statement
}

/**
 * Verifies `json` against each trusted root until one accepts it; returns the signed statement and who
 * signed it. Throws BundleError with every root's reason when none does.
 */
export function verifyBundle(json: unknown, roots: TrustedRoot[]): VerifiedStatement {
  let bundle: Bundle
  try {
    bundle = bundleFromJSON(json)
  } catch (error) {
    throw new BundleError(`not a Sigstore bundle: ${(error as Error).message}`)
  }
  const statement = statementOf(bundle)
  const entity = toSignedEntity(bundle)
  const reasons = new Set<string>()
  for (const root of roots) {
    try {
      new Verifier(toTrustMaterial(root), thresholds(bundle)).verify(entity)
      return { statement, signer: signerOf(leafCertificate(bundle)) }
    } catch (error) {
      reasons.add((error as Error).message)
    }
  }
  throw new BundleError(`its signature does not verify: ${[...reasons].join('; ')}`)
}
