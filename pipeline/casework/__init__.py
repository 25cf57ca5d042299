# SPDX-License-Identifier: AGPL-3.0-or-later
"""From a registered case to an initialled answer: routing, the disposition, drafting,
paraf berjenjang, and the officials' replies that move each step."""
