"""Signing the jaarschijf (issue 10): the installation's certificate, PAdES signatures on the
stored PDF, the signing service with its evidence, reminders and public verification.

Signatures are made with one certificate of the installation, not personal ones: each names
the signer and the organisation they sign for, and the evidence (who, when, from where,
which second factor) is kept in monitoring.models.Handtekening.
"""
