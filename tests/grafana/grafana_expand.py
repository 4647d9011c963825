"""grafana_expand.py - Grafana's query interpolation for the PostgreSQL data source, as documented.

Two steps, in Grafana's order:
1. the browser replaces template variables (templateSrv.replace with the SQL data
   source's interpolateVariable as the default format): $var, ${var}, ${var:format},
   [[var]], [[var:format]];
2. the server expands the PostgreSQL macros ($__timeFilter(col), $__timeFrom(), ...,
   $__timeGroupAlias(col, interval), $__unixEpochFilter(col), $__interval ...).

Variable values: a Var holds the current value (a string, or a list for a
multi-value selection, or ALL), the options (for All without a custom all value)
and the custom all value. Formats: the default of SQL data sources (a multi-value
or include-All variable's values are quoted literals joined by commas, a plain
value has ' doubled), csv, sqlstring, raw, singlequote, doublequote, text, pipe,
json, glob (also the fallback for an unknown format). A custom all value is
inserted as it is, unformatted (except by text), and its own variables replaced.
"""
import datetime as _dt
import json
import re

ALL = "$__all"


class Var:
    def __init__(self, name, value, options=(), all_value=None, multi=False, include_all=False,
                 texts=None):
        self.name = name
        self.value = value                  # str, list of str, or ALL
        self.options = list(options)        # option values (without All)
        self.texts = texts or {}            # value -> text
        self.all_value = all_value
        self.multi = multi
        self.include_all = include_all


# ---- step 1: template variables -----------------------------------------------------------

# Grafana's variable regex (public/app/features/variables/utils.ts).
VAR_RE = re.compile(r"\$(\w+)|\[\[(\w+?)(?::(\w+))?\]\]|\$\{(\w+)(?:\.([^:^}]+))?(?::([^}]+))?\}")


def _quote_literal(v):
    return "'" + str(v).replace("'", "''") + "'"


def _default_sql_format(value, var):
    # SqlDatasource.interpolateVariable
    if isinstance(value, str):
        if var.multi or var.include_all:
            return _quote_literal(value)
        return value.replace("'", "''")
    if isinstance(value, list):
        return ",".join(_quote_literal(v) for v in value)
    return str(value)


def _sqlstring(value):
    def one(v):
        return "'" + re.sub(r"'|\"", lambda m: "''" if m.group(0) == "'" else '\\"', str(v)) + "'"
    if isinstance(value, list):
        return ",".join(one(v) for v in value)
    return one(value)


def _format(value, fmt, var, text):
    name, _, args = fmt.partition(":")
    name = name.lower()
    if name == "csv":
        return ",".join(value) if isinstance(value, list) else str(value)
    if name == "sqlstring":
        return _sqlstring(value)
    if name == "raw":
        return ",".join(value) if isinstance(value, list) else str(value)
    if name == "singlequote":
        q = lambda v: "'" + str(v).replace("'", "\\'") + "'"
        return ",".join(q(v) for v in value) if isinstance(value, list) else q(value)
    if name == "doublequote":
        q = lambda v: '"' + str(v).replace('"', '\\"') + '"'
        return ",".join(q(v) for v in value) if isinstance(value, list) else q(value)
    if name == "text":
        return text
    if name == "pipe":
        return "|".join(value) if isinstance(value, list) else str(value)
    if name == "json":
        return value if isinstance(value, str) else json.dumps(value)
    # glob, and the fallback for an unknown format
    if isinstance(value, list) and len(value) > 1:
        return "{" + ",".join(value) + "}"
    return ",".join(value) if isinstance(value, list) else str(value)


def replace_variables(sql, variables):
    """templateSrv.replace(sql, scopedVars, interpolateVariable)."""
    index = {v.name: v for v in variables}

    def repl(m):
        name = m.group(1) or m.group(2) or m.group(4)
        fmt = m.group(3) or m.group(6)
        var = index.get(name)
        if var is None:
            return m.group(0)           # macros and unknown names stay
        value = var.value
        if value == ALL or (isinstance(value, list) and value and value[0] == ALL):
            text = "All"
            if var.all_value is not None and (fmt or "").lower() not in ("text", "percentencode"):
                return replace_variables(var.all_value, variables)
            value = list(var.options)
        elif isinstance(value, list):
            text = " + ".join(var.texts.get(v, v) for v in value)
        else:
            text = var.texts.get(value, value)
        if fmt is None:
            return _default_sql_format(value, var)
        return _format(value, fmt, var, text)

    return VAR_RE.sub(repl, sql)


# ---- step 2: macros ----------------------------------------------------------------------

MACRO_RE = re.compile(r"\$([_a-zA-Z0-9]+)\(([^)]*)\)")
_UNITS = {"ms": 0.001, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 604800}


def rfc3339nano(t):
    """Go's time.RFC3339Nano of a UTC time: fraction without trailing zeros, 'Z'."""
    t = t.astimezone(_dt.timezone.utc)
    s = t.strftime("%Y-%m-%dT%H:%M:%S")
    if t.microsecond:
        s += ("." + "%06d" % t.microsecond).rstrip("0")
    return s + "Z"


def parse_interval(text):
    """gtime.ParseInterval for fixed units; seconds (float)."""
    m = re.fullmatch(r"(\d+)(ms|s|m|h|d|w)", text.strip().strip("'"))
    if not m:
        # months and years depend on the current date in Grafana: not reproducible
        raise ValueError(f"error parsing interval {text}")
    return int(m.group(1)) * _UNITS[m.group(2)]


def _num(x):
    return ("%d" % x) if float(x).is_integer() else repr(x)


def _macro(name, args, t_from, t_to):
    need_col = {"__time", "__timeEpoch", "__timeFilter", "__unixEpochFilter", "__unixEpochNanoFilter"}
    if name in need_col and (not args or args[0] == ""):
        raise ValueError(f"missing time column argument for macro {name}")
    if name == "__time":
        return f'{args[0]} AS "time"'
    if name == "__timeEpoch":
        return f'extract(epoch from {args[0]}) as "time"'
    if name == "__timeFilter":
        return f"{args[0]} BETWEEN '{rfc3339nano(t_from)}' AND '{rfc3339nano(t_to)}'"
    if name == "__timeFrom":
        return f"'{rfc3339nano(t_from)}'"
    if name == "__timeTo":
        return f"'{rfc3339nano(t_to)}'"
    if name in ("__timeGroup", "__timeGroupAlias", "__unixEpochGroup", "__unixEpochGroupAlias"):
        if len(args) < 2:
            raise ValueError(f"macro {name} needs time column and interval and optional fill value")
        sec = _num(parse_interval(args[1]))
        if name.startswith("__timeGroup"):
            g = f"floor(extract(epoch from {args[0]})/{sec})*{sec}"
        else:
            g = f"floor(({args[0]})/{sec})*{sec}"
        return g + ' AS "time"' if name.endswith("Alias") else g
    if name == "__unixEpochFilter":
        return f"{args[0]} >= {int(t_from.timestamp())} AND {args[0]} <= {int(t_to.timestamp())}"
    if name == "__unixEpochNanoFilter":
        return (f"{args[0]} >= {_nanos(t_from)} AND {args[0]} <= {_nanos(t_to)}")
    if name == "__unixEpochNanoFrom":
        return str(_nanos(t_from))
    if name == "__unixEpochNanoTo":
        return str(_nanos(t_to))
    raise ValueError(f'unknown macro "{name}"')


def _nanos(t):
    return int(t.timestamp()) * 1_000_000_000 + t.microsecond * 1000


def expand_macros(sql, t_from, t_to, interval_s=86400):
    # sqleng.Interpolate: $__interval_ms, $__interval, $__unixEpochFrom(), $__unixEpochTo()
    sql = sql.replace("$__interval_ms", str(int(interval_s * 1000)))
    sql = sql.replace("$__interval", _interval_text(interval_s))
    sql = sql.replace("$__unixEpochFrom()", str(int(t_from.timestamp())))
    sql = sql.replace("$__unixEpochTo()", str(int(t_to.timestamp())))

    def repl(m):
        args = [a.strip(" ") for a in m.group(2).split(",")]
        return _macro(m.group(1), args, t_from, t_to)

    return MACRO_RE.sub(repl, sql)


def _interval_text(s):
    for unit, n in (("d", 86400), ("h", 3600), ("m", 60), ("s", 1)):
        if s >= n and s % n == 0:
            return f"{s // n}{unit}"
    return f"{int(s * 1000)}ms"


def expand(sql, variables, t_from, t_to, interval_s=86400):
    """The SQL PostgreSQL receives for a panel query."""
    return expand_macros(replace_variables(sql, variables), t_from, t_to, interval_s)
