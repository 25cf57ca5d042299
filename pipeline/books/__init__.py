# SPDX-License-Identifier: AGPL-3.0-or-later
"""What the clerk keeps and reads: the incoming and outgoing books, their search, the SLA
board, reports and spreadsheets."""
