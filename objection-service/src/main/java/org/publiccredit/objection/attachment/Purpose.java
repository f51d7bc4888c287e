package org.publiccredit.objection.attachment;

/**
 * Why a file is attached: evidence for an objection, proof that an obligation was fulfilled (e.g. the fine receipt)
 * for a repair, or an agent's authorisation.
 */
public enum Purpose {
    EVIDENCE, PROOF, AUTHORISATION
}
