# SPDX-License-Identifier: AGPL-3.0-or-later
"""The `paraf` command: one module per group of subcommands, all on `base.cli`."""
