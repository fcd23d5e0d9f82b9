"""A small local runner for the steps of a GitHub composite action, for tests.

It runs the action's `run:` steps for real, as GitHub does (`bash --noprofile --norc -eo pipefail`,
$GITHUB_OUTPUT, $GITHUB_STEP_SUMMARY, $GITHUB_ACTION_PATH, $RUNNER_TEMP, step `env:` and
`working-directory:`), evaluates `if:` conditions and `${{ }}` expressions (the subset the action
uses: contexts inputs, steps, github; literals; == != ! && || and parentheses; always(),
success(), failure()), and hands each `uses:` step to a callback. An expression it does not
understand is an error, so that the action cannot use something this runner skips silently.
"""

import os
import re
import subprocess

EXPRESSION = re.compile(r"\$\{\{(.*?)\}\}", re.S)
TOKEN = re.compile(r"\s*(?:('(?:[^']|'')*')|(&&|\|\||==|!=|!|\(|\))|([A-Za-z_][\w.-]*\(\))"
                   r"|([A-Za-z_][\w.-]*)|(\d+))")
STATUS_FUNCTIONS = ("always()", "success()", "failure()", "cancelled()")


class ExpressionError(Exception):
    pass


def _tokens(text):
    position, out = 0, []
    text = text.strip()
    while position < len(text):
        match = TOKEN.match(text, position)
        if not match or match.end() == position:
            raise ExpressionError(f"cannot read expression at: {text[position:]!r}")
        string, operator, function, name, number = match.groups()
        if string is not None:
            out.append(("value", string[1:-1].replace("''", "'")))
        elif operator is not None:
            out.append(("op", operator))
        elif function is not None:
            out.append(("function", function))
        elif name is not None:
            if name in ("true", "false"):
                out.append(("value", name == "true"))
            elif name == "null":
                out.append(("value", None))
            else:
                out.append(("name", name))
        else:
            out.append(("value", int(number)))
        position = match.end()
    return out


def _text(value):
    if value is None:
        return ""
    if value is True:
        return "true"
    if value is False:
        return "false"
    return str(value)


def _truthy(value):
    return value not in (None, False, "", 0)


def evaluate(text, context, failed=False):
    """The value of the expression TEXT (without ${{ }}) in CONTEXT."""
    tokens = _tokens(text)
    position = [0]

    def peek():
        return tokens[position[0]] if position[0] < len(tokens) else (None, None)

    def take():
        token = peek()
        position[0] += 1
        return token

    def lookup(name):
        value = context
        for part in name.split("."):
            if not isinstance(value, dict):
                return None
            if part not in value:
                if value is context:
                    raise ExpressionError(f"unknown context '{part}' in {text!r}")
                return None
            value = value[part]
        return value

    def primary():
        kind, value = take()
        if kind == "value":
            return value
        if kind == "name":
            return lookup(value)
        if kind == "function":
            functions = {"always()": True, "success()": not failed, "failure()": failed,
                         "cancelled()": False}
            if value not in functions:
                raise ExpressionError(f"unknown function {value} in {text!r}")
            return functions[value]
        if (kind, value) == ("op", "("):
            result = disjunction()
            if take() != ("op", ")"):
                raise ExpressionError(f"missing ) in {text!r}")
            return result
        raise ExpressionError(f"unexpected {value!r} in {text!r}")

    def comparison():
        left = primary()
        if peek() in (("op", "=="), ("op", "!=")):
            _, operator = take()
            right = primary()
            # GitHub compares strings case-insensitively, and null as ''.
            equal = _text(left).lower() == _text(right).lower()
            return equal if operator == "==" else not equal
        return left

    def negation():
        if peek() == ("op", "!"):
            take()
            return not _truthy(negation())
        return comparison()

    def conjunction():
        value = negation()
        while peek() == ("op", "&&"):
            take()
            right = negation()
            value = right if _truthy(value) else value
        return value

    def disjunction():
        value = conjunction()
        while peek() == ("op", "||"):
            take()
            right = conjunction()
            value = value if _truthy(value) else right
        return value

    result = disjunction()
    if position[0] != len(tokens):
        raise ExpressionError(f"unexpected {peek()[1]!r} in {text!r}")
    return result


def interpolate(value, context, failed=False):
    """VALUE (a string, or a dict or list of them) with every ${{ }} replaced by its text."""
    if isinstance(value, dict):
        return {k: interpolate(v, context, failed) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, context, failed) for v in value]
    if not isinstance(value, str):
        return _text(value)
    return EXPRESSION.sub(lambda m: _text(evaluate(m.group(1), context, failed)), value)


def should_run(step, context, failed):
    condition = step.get("if")
    if condition is None:
        return not failed
    condition = str(condition).strip()
    match = EXPRESSION.fullmatch(condition)
    if match:
        condition = match.group(1).strip()
    value = _truthy(evaluate(condition, context, failed))
    if not any(f in condition for f in STATUS_FUNCTIONS):
        value = value and not failed  # GitHub adds success() && when no status function is named
    return value


def _read_outputs(path):
    outputs = {}
    with open(path, encoding="utf-8") as f:
        lines = f.read().splitlines()
    i = 0
    while i < len(lines):
        line = lines[i]
        if "<<" in line and ("=" not in line or line.index("<<") < line.index("=")):
            name, delimiter = line.split("<<", 1)
            value = []
            i += 1
            while i < len(lines) and lines[i] != delimiter:
                value.append(lines[i])
                i += 1
            outputs[name] = "\n".join(value)
        elif "=" in line:
            name, value = line.split("=", 1)
            outputs[name] = value
        i += 1
    return outputs


class Result:
    def __init__(self):
        self.steps = []        # (name, "success" | "failure" | "skipped", exit code)
        self.logs = {}         # step name -> stdout + stderr
        self.outputs = {}      # the action's outputs
        self.failed = False


def run_action(action, action_path, inputs, github, env, workspace, runner_temp, uses=None):
    """Runs ACTION's steps. INPUTS are the given inputs (defaults fill the rest, interpolated);
    GITHUB is the github context; ENV the process environment; USES(step, with, env) -> exit code
    runs a `uses:` step. Returns a Result."""
    github = dict(github, action_path=action_path, workspace=workspace)
    context = {"github": github, "steps": {}, "inputs": {}, "runner": {"temp": runner_temp},
               "env": env}
    for name, spec in (action.get("inputs") or {}).items():
        if name in inputs:
            context["inputs"][name] = _text(inputs[name])
        else:
            context["inputs"][name] = interpolate((spec or {}).get("default", ""), context)
    unknown = set(inputs) - set(context["inputs"])
    if unknown:
        raise ExpressionError(f"inputs not declared by the action: {sorted(unknown)}")

    result = Result()
    summary = os.path.join(runner_temp, "step-summary.md")
    for index, step in enumerate(action["runs"]["steps"]):
        name = step.get("name") or step.get("id") or f"step {index}"
        step_id = step.get("id", f"__step{index}")
        if not should_run(step, context, result.failed):
            context["steps"][step_id] = {"outputs": {}, "outcome": "skipped", "conclusion": "skipped"}
            result.steps.append((name, "skipped", None))
            continue
        step_env = dict(env)
        step_env.update({
            "GITHUB_ACTION_PATH": action_path, "GITHUB_WORKSPACE": workspace,
            "RUNNER_TEMP": runner_temp, "GITHUB_STEP_SUMMARY": summary,
            "GITHUB_ACTIONS": "true", "CI": "true",
        })
        step_env.update(interpolate(step.get("env") or {}, context, result.failed))
        if "run" in step:
            output_file = os.path.join(runner_temp, f"output-{index}")
            open(output_file, "w").close()
            step_env["GITHUB_OUTPUT"] = output_file
            script = os.path.join(runner_temp, f"step-{index}.sh")
            with open(script, "w", encoding="utf-8") as f:
                f.write(interpolate(step["run"], context, result.failed))
            if step.get("shell") != "bash":
                raise ExpressionError(f"step {name!r}: this runner runs shell: bash only")
            cwd = os.path.join(workspace,
                               interpolate(step.get("working-directory", "."), context, result.failed))
            process = subprocess.run(["bash", "--noprofile", "--norc", "-eo", "pipefail", script],
                                     cwd=cwd, env=step_env, stdout=subprocess.PIPE,
                                     stderr=subprocess.STDOUT, text=True, timeout=600)
            code = process.returncode
            result.logs[name] = process.stdout
            outputs = _read_outputs(output_file)
        else:
            with_values = interpolate(step.get("with") or {}, context, result.failed)
            code = uses(step, with_values, step_env) if uses else 0
            outputs = {}
        outcome = "success" if code == 0 else "failure"
        conclusion = "success" if code == 0 or step.get("continue-on-error") is True else "failure"
        context["steps"][step_id] = {"outputs": outputs, "outcome": outcome,
                                     "conclusion": conclusion}
        result.steps.append((name, outcome, code))
        if conclusion == "failure":
            result.failed = True
    for name, spec in (action.get("outputs") or {}).items():
        result.outputs[name] = interpolate(spec.get("value", ""), context)
    result.summary = open(summary, encoding="utf-8").read() if os.path.exists(summary) else ""
    return result
