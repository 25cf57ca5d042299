# SPDX-License-Identifier: AGPL-3.0-or-later
"""Reading officials' e-mail replies: fresh text, the decision, the step token.

Who sent a reply is decided in pipeline.core.senderauth, shared with the intake.

Pure functions only (no I/O, no database), because this is where a forged or misread reply
would become an approval; keeping it pure keeps it testable case by case.
"""
from pipeline.casework.replies.decision import (
                                                Decision,
                                                Rejection,
                                                SigningDecision,
                                                decide,
                                                decide_signing,
                                                explain_choices,
                                                explain_signing,
)
from pipeline.casework.replies.quotes import fresh_text, html_to_text
from pipeline.casework.replies.tokens import (
                                                StepRef,
                                                find_tokens,
                                                make_token,
                                                read_token,
                                                reply_address,
                                                secret_from_env,
                                                subject_tag,
)

__all__ = [
    "Decision", "Rejection", "SigningDecision", "StepRef",
    "decide", "decide_signing", "explain_choices", "explain_signing", "find_tokens",
    "fresh_text", "html_to_text", "make_token", "read_token", "reply_address",
    "secret_from_env", "subject_tag",
]
