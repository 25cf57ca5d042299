# SPDX-License-Identifier: AGPL-3.0-or-later
"""The consultation of seed 1 (the website), step by step, each with its own clock.

1. the requester fills the form (target 1 hour): `register_request`, or first `hold` plus
   `confirm` when the address is not yet known;
2. the clerk checks completeness (2 working hours): `accept` hands the case to routing and
   disposition exactly as letters go (`Workflow.start`), `ask_missing` moves it to
   `incomplete` and mails the requester; an upload on the tracking page or a reply to that mail
   (`reopen_replied`, run by the worker) opens the check again;
3. the consultant answers (1 working day): a letter through paraf and signing, or, where
   rules/consultation.toml allows it, a short explanation (`answer_directly`);
4. and 5. the consultation report is filed and archived (`file_report`, 1 and ½ working day);
6. the requester receives the answer (½ working day): the answer mail is delivered.

`timeline` (tracking.py) tells the tracking page, for each step, its time stamp, target and
whether it was met, from the case's own events and steps and nothing internal.

Each step lives in its own module (request, check, answer, tracking); this one names them
in order, so callers can read the flow in one place.
"""

from pipeline.consult.answer import answer_directly, drafting_step, file_report, file_reports  # noqa: F401
from pipeline.consult.check import (  # noqa: F401
    accept,
    ask_missing,
    complete,
    entry_of,
    open_check,
    reopen_replied,
)
from pipeline.consult.request import (  # noqa: F401
    ANSWER_KINDS,
    CONFIRM_HOURS,
    DOCX,
    RECEIPT_GRACE,
    TYPES,
    UTF8_QP,
    ConsultError,
    Registration,
    UploadRefused,
    check_upload,
    clean_filename,
    clerk_official,
    confirm,
    expire_pending,
    hal_of,
    hold,
    is_known,
    mail_context,
    mail_requester,
    pdf_name,
    pending_for,
    register_request,
    respool_receipts,
    rules_of,
    spool_receipt,
    store_upload,
    thread_of,
    tracking_url,
    upload_limits,
)
from pipeline.consult.tracking import (  # noqa: F401
    PUBLIC_STATUS, Stage, find_by_code, find_case, parse_questions, timeline)
