"""The `modelplane` command: one subcommand per job, each importing only what it needs."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable, Sequence

from common.settings import ConfigurationError

# subcommand -> "module:function"; each function takes the parsed argparse.Namespace and
# returns an exit status. Components register their commands here, and import lazily so
# that `modelplane db upgrade` never loads the gateway.
COMMANDS: dict[str, str] = {
    "serve": "modelplane.standalone:serve_command",
    "gateway": "modelplane.standalone:gateway_command",
    "compose": "gateway.composition.command:compose_command",
    "plan": "gateway.planning.command:plan_command",
    "schema export": "modelplane.schema_export:export_command",
    "db upgrade": "subgraphs.registry.migrations:upgrade_command",
    "audit verify": "subgraphs.registry.governance.command:verify_command",
    "audit export": "subgraphs.registry.governance.command:export_command",
    "outbox prune": "subgraphs.registry.governance.command:prune_command",
    "seed": "modelplane.seed:seed_command",
    "auth token": "gateway.auth.command:token_command",
}


def positive_days(text: str) -> int:
    """A whole number of days, at least 1 (`outbox prune --older-than-days`)."""
    try:
        days = int(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of days") from None
    if days < 1:
        raise argparse.ArgumentTypeError(f"must be at least 1 day, got {days}")
    return days


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="modelplane", description=__doc__)
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")

    serve = sub.add_parser("serve", help="run Modelplane (standalone: everything on one port)")
    serve.add_argument("--host", default="127.0.0.1")
    serve.add_argument("--port", type=int, default=8000)
    serve.add_argument(
        "--component",
        choices=["all", "gateway", "registry", "catalog", "deploy"],
        default="all",
        help="run one component as its own service (default: all in one process)",
    )
    serve.add_argument("--supergraph", help="supergraph SDL file or URL (gateway component)")
    serve.add_argument("--no-seed", action="store_true", help="do not load the sample data")

    gateway = sub.add_parser("gateway", help="serve any Federation 2 supergraph")
    source = gateway.add_mutually_exclusive_group(required=True)
    source.add_argument("--supergraph", help="supergraph SDL file or URL")
    source.add_argument(
        "--subgraph",
        action="append",
        metavar="NAME=URL",
        help="compose at start-up from these subgraphs' _service { sdl } (repeat per subgraph)",
    )
    gateway.add_argument("--host", default="127.0.0.1")
    gateway.add_argument("--port", type=int, default=4000)
    gateway.add_argument(
        "--poll-seconds",
        type=float,
        default=0,
        help="re-read --supergraph this often and swap in a changed one (0: never)",
    )
    gateway.add_argument(
        "--no-guard",
        action="store_true",
        help="no identity, authorization or request limits (for benchmarks only)",
    )

    compose = sub.add_parser("compose", help="compose a supergraph from subgraph SDLs")
    compose.add_argument(
        "subgraphs",
        nargs="*",
        metavar="NAME=URL_OR_FILE",
        help="subgraphs to compose; default: Modelplane's own, from schema/",
    )
    compose.add_argument("--output", "-o", default="schema/supergraph.graphql")

    plan = sub.add_parser("plan", help="print the query plan of an operation, stage by stage")
    plan.add_argument("supergraph", help="supergraph SDL file")
    plan.add_argument("operation", help="file with the operation, or - for standard input")
    plan.add_argument("--operation-name")
    plan.add_argument("--stages", action="store_true", help="print every planning stage")
    plan.add_argument(
        "--override-labels", default="", metavar="L1,L2",
        help="progressive @override labels to plan with turned on (percent(100) always is)",
    )

    schema = sub.add_parser("schema", help="schema tools")
    schema_sub = schema.add_subparsers(dest="schema_command", required=True)
    export = schema_sub.add_parser("export", help="write each subgraph's SDL into schema/")
    export.add_argument("--output-dir", default="schema")
    export.add_argument("--check", action="store_true", help="fail if the files differ")

    db = sub.add_parser("db", help="database tools")
    db_sub = db.add_subparsers(dest="db_command", required=True)
    upgrade = db_sub.add_parser("upgrade", help="apply migrations")
    upgrade.add_argument("--database-url")
    upgrade.add_argument("--revision", default="head")

    audit = sub.add_parser("audit", help="audit trail tools")
    audit_sub = audit.add_subparsers(dest="audit_command", required=True)
    verify = audit_sub.add_parser("verify", help="recompute the hash chain, or check a bundle")
    verify.add_argument("--database-url")
    verify.add_argument("--tenant")
    verify.add_argument("--bundle", help="verify an evidence bundle offline instead")
    exp = audit_sub.add_parser("export", help="write the evidence bundle of a model version")
    exp.add_argument("--version", required=True, dest="version_id")
    exp.add_argument("--output", "-o")
    exp.add_argument("--database-url")
    exp.add_argument("--tenant")

    outbox = sub.add_parser("outbox", help="notification outbox tools")
    outbox_sub = outbox.add_subparsers(dest="outbox_command", required=True)
    prune = outbox_sub.add_parser(
        "prune",
        help="delete notifications delivered to every configured sink (webhook, NATS) "
        "more than N days ago",
    )
    prune.add_argument(
        "--older-than-days",
        type=positive_days,
        metavar="N",
        help="at least 1; default: MODELPLANE_OUTBOX_RETENTION_DAYS",
    )
    prune.add_argument("--database-url")

    auth = sub.add_parser("auth", help="identity tools")
    auth_sub = auth.add_subparsers(dest="auth_command", required=True)
    token = auth_sub.add_parser("token", help="make an API token and the hash to configure")
    from gateway.auth.command import add_token_arguments

    add_token_arguments(token)

    seed = sub.add_parser("seed", help="register sample models through a running gateway")
    seed.add_argument("--url", default="http://127.0.0.1:8000/graphql")
    seed.add_argument("--token", help="API token, when the gateway requires one")
    return parser


def _resolve(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    key = args.command
    nested = getattr(args, f"{args.command}_command", None)
    if nested:
        key = f"{key} {nested}"
    module_name, function_name = COMMANDS[key].split(":")
    module = importlib.import_module(module_name)
    function: Callable[[argparse.Namespace], int] = getattr(module, function_name)
    return function


def main(argv: Sequence[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return _resolve(args)(args)
    except KeyboardInterrupt:
        return 130
    except ConfigurationError as error:
        print(f"modelplane: configuration error: {error}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
