# SPDX-License-Identifier: AGPL-3.0-or-later
"""Consultations without a letter: the public web form (seed 1) and the walk-in desk
(seed 2), each step against its own clock."""
