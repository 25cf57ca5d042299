# SPDX-License-Identifier: AGPL-3.0-or-later
"""The core every stage stands on: the case model, the state table, the hash-chained
history, numbering, configuration, the office's rules and the content store."""
