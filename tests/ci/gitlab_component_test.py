#!/usr/bin/env python3
"""ci-templates/gitlab: the CI/CD component and the example .gitlab-ci.yml.

1. Structure (python3-yaml): templates/steward.yml is two YAML documents, the `spec:` header and
   the job; every input has a description and a default; every `$[[ inputs.X ]]` used is declared
   and every declared input is used; with the defaults interpolated the job is valid YAML with a
   stage, an image, merge-request rules, GIT_DEPTH 0, artifacts (when: always) with
   reports:codequality and junit naming the files the script writes; the example includes the
   component and passes only declared inputs.
2. The job's script run for real (dash, as `sh -e`), offline, with GitLab's merge-request variables
   on a shallow clone of a temporary upstream: the missing base is fetched, steward runs against
   $CI_MERGE_REQUEST_DIFF_BASE_SHA (or the target branch's commit in a merged-results pipeline),
   the job's exit code is steward's, the Code Quality and JUnit files are where artifacts: looks;
   with no steward in the image and no source it stops with a clear message; with a source it
   fetches the pinned ref and builds it (a stand-in repository whose build makes a wrapper).
"""

import json
import os
import re
import shutil
import stat

from ci_common import (Checks, arguments, clean_env, commit_all, copy_tree, git, init_repo,
                       line_of, load_yaml_or_skip, replace_in_file, run, temp_dir)

INPUT = re.compile(r"\$\[\[\s*inputs\.([\w-]+)\s*(?:\|[^\]]*)?\]\]")
CHECKOUT = "tracking-plan/commerce/checkout.yaml"


def interpolate(value, inputs):
    """VALUE (the parsed job) with $[[ inputs.X ]] replaced in every string, as GitLab does: it
    parses the YAML first and interpolates string values, so an empty input is an empty string."""
    if isinstance(value, dict):
        return {interpolate(k, inputs): interpolate(v, inputs) for k, v in value.items()}
    if isinstance(value, list):
        return [interpolate(v, inputs) for v in value]
    if isinstance(value, str):
        return INPUT.sub(lambda m: str(inputs[m.group(1)]), value)
    return value


def project_version(source):
    with open(os.path.join(source, "CMakeLists.txt"), encoding="utf-8") as f:
        return re.search(r"project\(steward VERSION ([\d.]+)", f.read()).group(1)


def split_documents(text):
    header, separator, body = text.partition("\n---\n")
    return header, body if separator else None


def check_structure(checks, template_path, example_path):
    import yaml
    text = open(template_path, encoding="utf-8").read()
    documents = load_yaml_or_skip(template_path)
    checks.check(len(documents) == 2, "templates/steward.yml: two YAML documents (spec, job)")
    spec_inputs = ((documents[0] or {}).get("spec") or {}).get("inputs") or {}
    for name in ("stage", "working_directory", "fail_on", "image", "base"):
        checks.check(name in spec_inputs, f"spec.inputs declares {name}")
    for name, spec in spec_inputs.items():
        checks.check(isinstance(spec, dict) and "default" in spec and spec.get("description"),
                     f"input {name}: a description and a default")
    defaults = {name: spec.get("default") for name, spec in spec_inputs.items()}
    source = os.path.abspath(os.path.join(os.path.dirname(template_path), "..", "..", ".."))
    release_image = r"ghcr\.io/[\w.-]+/steward:" + re.escape(project_version(source))
    checks.check(defaults.get("stage") == "test" and defaults.get("working_directory") == "."
                 and defaults.get("fail_on") == ""
                 and re.fullmatch(release_image, defaults.get("image") or "") is not None,
                 "input defaults: stage test, working_directory ., fail_on empty, image: the "
                 "release image of this version", defaults)
    _, body = split_documents(text)
    used = set(INPUT.findall(body or ""))
    checks.check(used <= set(spec_inputs), "every $[[ inputs.X ]] used is declared",
                 sorted(used - set(spec_inputs)))
    checks.check(set(spec_inputs) <= used, "every declared input is used",
                 sorted(set(spec_inputs) - used))
    checks.check("$[[" not in INPUT.sub("", body or ""), "no malformed $[[ ]] left")

    jobs = interpolate(yaml.safe_load(body), defaults)
    job = (jobs or {}).get("steward") or {}
    image = job.get("image") or {}
    checks.check(job.get("stage") == "test" and image.get("name") == defaults.get("image")
                 and image.get("entrypoint") == [""],
                 "the job: stage and image from the inputs, the image's entry point cleared")
    rules = job.get("rules") or []
    checks.check(any('$CI_PIPELINE_SOURCE == "merge_request_event"' in str(r.get("if")) for r in rules),
                 "the job's rules: merge-request pipelines")
    checks.check(str((job.get("variables") or {}).get("GIT_DEPTH")) == "0", "the job: GIT_DEPTH 0")
    artifacts = job.get("artifacts") or {}
    reports = artifacts.get("reports") or {}
    script = "\n".join(job.get("script") or [])
    checks.check(artifacts.get("when") == "always", "artifacts: when: always (kept when the job fails)")
    checks.check(reports.get("codequality") and f"gitlab=$CI_PROJECT_DIR/{reports['codequality']}" in script,
                 "artifacts:reports:codequality is the file of --format gitlab=", reports)
    checks.check(reports.get("junit") and f"junit=$CI_PROJECT_DIR/{reports['junit']}" in script,
                 "artifacts:reports:junit is the file of --format junit=", reports)
    checks.check("CI_MERGE_REQUEST_DIFF_BASE_SHA" in script, "the script compares against the MR's base")
    raw_script = "\n".join((yaml.safe_load(body) or {}).get("steward", {}).get("script", []))
    checks.check("$[[" not in raw_script,
                 "the script reads inputs only through variables: (no $[[ ]] inside it)")

    example = load_yaml_or_skip(example_path)[0]
    includes = example.get("include") or []
    include = next((i for i in includes if isinstance(i, dict)
                    and str(i.get("file", "")).endswith("ci-templates/gitlab/templates/steward.yml")),
                   None)
    checks.check(include is not None and include.get("project") and include.get("ref"),
                 "the example includes the component by project, ref and file")
    if include is not None:
        given = set((include.get("inputs") or {}).keys())
        checks.check(given <= set(spec_inputs), "the example passes only declared inputs",
                     sorted(given - set(spec_inputs)))
    return spec_inputs, body


def job_script(body, defaults, overrides):
    import yaml
    inputs = dict(defaults, **overrides)
    job = interpolate(yaml.safe_load(body), inputs)["steward"]
    return job, "\n".join(job["script"])


def run_job(job, script, workspace, bin_dirs, ci_variables, root):
    variables = {k: str(v) for k, v in (job.get("variables") or {}).items()}
    path = os.pathsep.join(bin_dirs + ["/usr/local/bin", "/usr/bin", "/bin"])
    env = clean_env(PATH=path, HOME=os.path.join(root, "home"), CI="true", GITLAB_CI="true",
                    CI_PROJECT_DIR=workspace, CI_PIPELINE_SOURCE="merge_request_event",
                    **ci_variables)
    # GitLab expands $VARIABLES inside variables: values.
    for name, value in variables.items():
        env[name] = re.sub(r"\$\{?(\w+)\}?", lambda m: env.get(m.group(1), ""), value)
    shell = "/bin/sh" if os.path.exists("/bin/sh") else "sh"
    return run([shell, "-e", "-c", script], cwd=workspace, env=env, timeout=300)


def main():
    args = arguments(__doc__)
    checks = Checks()
    gitlab_dir = os.path.join(args.source, "ci-templates", "gitlab")
    spec_inputs, body = check_structure(checks, os.path.join(gitlab_dir, "templates", "steward.yml"),
                                        os.path.join(gitlab_dir, "example.gitlab-ci.yml"))
    defaults = {name: spec.get("default", "") for name, spec in spec_inputs.items()}
    root = temp_dir(args.work, "gitlab")
    os.makedirs(os.path.join(root, "home"))

    # An image with steward on PATH: a wrapper around the binary under test.
    image_bin = os.path.join(root, "image-bin")
    os.makedirs(image_bin)
    wrapper = os.path.join(image_bin, "steward")
    with open(wrapper, "w") as f:
        f.write(f'#!/bin/sh\nexec "{args.steward}" "$@"\n')
    os.chmod(wrapper, os.stat(wrapper).st_mode | stat.S_IEXEC)

    # upstream: main A -> C; feature A -> B (a misspelt key).
    upstream = init_repo(os.path.join(root, "upstream"))
    copy_tree(os.path.join(args.source, "fixtures", "shop"), upstream)
    base_a = commit_all(upstream, "A: the shop")
    git(upstream, "checkout", "-q", "-b", "feature")
    replace_in_file(os.path.join(upstream, CHECKOUT), "  step: {type: integer, required: true",
                    "  step: {type: integer, requried: true")
    typo_line = line_of(os.path.join(upstream, CHECKOUT), "requried:")
    commit_all(upstream, "B: a misspelt key")
    git(upstream, "checkout", "-q", "main")
    replace_in_file(os.path.join(upstream, "tracking-plan/commerce/cart.yaml"), "description: ",
                    "description: (main) ")
    main_c = commit_all(upstream, "C: main moves on")
    mr = {"CI_MERGE_REQUEST_DIFF_BASE_SHA": base_a, "CI_MERGE_REQUEST_TARGET_BRANCH_NAME": "main",
          "CI_MERGE_REQUEST_EVENT_TYPE": "detached"}

    # 1. A merge-request pipeline on a shallow clone: the base is fetched, steward fails the job.
    workspace = os.path.join(root, "ws1")
    git(root, "clone", "-q", "--depth", "1", "--branch", "feature", "file://" + upstream, workspace)
    job, script = job_script(body, defaults, {})
    result = run_job(job, script, workspace, [image_bin], mr, root)
    out = result.stdout + result.stderr
    checks.check(result.returncode == 1, "MR pipeline: the job fails with steward's exit code 1", out)
    checks.check("fetching the history" in out and f"--base {base_a}" in out,
                 "MR pipeline: the missing base is fetched, steward compares against DIFF_BASE_SHA", out)
    checks.check(f"{CHECKOUT}:{typo_line}:" in out, "MR pipeline: the log names file:line", out)
    reports = job["artifacts"]["reports"]
    quality_file = os.path.join(workspace, reports["codequality"])
    junit_file = os.path.join(workspace, reports["junit"])
    quality = []
    if os.path.exists(quality_file):
        with open(quality_file) as f:
            quality = json.load(f)
    checks.check(any(i["location"]["path"] == CHECKOUT and i["location"]["lines"]["begin"] == typo_line
                     for i in quality),
                 "MR pipeline: the Code Quality report has the finding at its path and line", quality)
    junit = open(junit_file).read() if os.path.exists(junit_file) else ""
    checks.check("<failure" in junit and "schema.unknown-key" in junit,
                 "MR pipeline: the JUnit report has the failure")
    for path in job["artifacts"]["paths"]:
        checks.check(os.path.exists(os.path.join(workspace, path)), f"MR pipeline: artifact {path} exists")

    # 2. A merged-results pipeline: the base is the target branch's commit; fail_on never passes.
    job, script = job_script(body, defaults, {"fail_on": "never"})
    merged = dict(mr, CI_MERGE_REQUEST_EVENT_TYPE="merged_result",
                  CI_MERGE_REQUEST_TARGET_BRANCH_SHA=main_c)
    result = run_job(job, script, workspace, [image_bin], merged, root)
    out = result.stdout + result.stderr
    checks.check(result.returncode == 0 and f"--base {main_c}" in out and "--fail-on never" in out,
                 "merged results: --base is the target branch's commit; fail_on never passes", out)

    # 3. working_directory and args reach steward.
    job, script = job_script(body, defaults, {"working_directory": "tracking-plan/..",
                                              "args": "--new-only --fail-on note"})
    result = run_job(job, script, workspace, [image_bin], mr, root)
    out = result.stdout + result.stderr
    checks.check("-C tracking-plan/.." in out and "--new-only --fail-on note" in out
                 and result.returncode == 1,
                 "working_directory and args reach steward", out)

    # 4. No steward in the image and no source: exit 2 with what to do.
    bare_bin = os.path.join(root, "bare-bin")
    os.makedirs(bare_bin)
    os.symlink(shutil.which("git"), os.path.join(bare_bin, "git"))
    job, script = job_script(body, defaults, {})
    env_has_steward = any(os.path.exists(os.path.join(d, "steward"))
                          for d in ["/usr/local/bin", "/usr/bin", "/bin"])
    if env_has_steward:
        print("SKIP (part): a steward is installed in /usr/bin or /usr/local/bin")
    else:
        result = run_job(job, script, workspace, [bare_bin], mr, root)
        out = result.stdout + result.stderr
        checks.check(result.returncode == 2 and "not on PATH" in out and "'source'" in out,
                     "no steward and no source: exit 2, saying which input to set", out)

    # 5. source: a stand-in steward repository (its install-deps does nothing, its `make release`
    #    makes a wrapper): the job fetches the pinned tag, builds it and runs it.
    source = init_repo(os.path.join(root, "steward-source"))
    os.makedirs(os.path.join(source, "scripts"))
    with open(os.path.join(source, "scripts", "install-deps"), "w") as f:
        f.write("#!/bin/sh\necho stand-in install-deps\n")
    os.chmod(os.path.join(source, "scripts", "install-deps"), 0o755)
    with open(os.path.join(source, "Makefile"), "w") as f:
        f.write("release:\n\tmkdir -p build/release/engine/cli\n"
                f"\tprintf '#!/bin/sh\\nexec \"{args.steward}\" \"$$@\"\\n' > build/release/engine/cli/steward\n"
                "\tchmod +x build/release/engine/cli/steward\n"
                "\techo built the pinned version\n")
    commit_all(source, "v1")
    git(source, "tag", "v1")
    with open(os.path.join(source, "Makefile"), "a") as f:
        f.write("\n# after v1\n")
    commit_all(source, "after v1")
    if not env_has_steward and shutil.which("make"):
        job, script = job_script(body, defaults, {"source": "file://" + source, "version": "v1"})
        result = run_job(job, script, workspace, [bare_bin, os.path.dirname(shutil.which("make"))],
                         mr, root)
        out = result.stdout + result.stderr
        checks.check("stand-in install-deps" in out and "built the pinned version" in out
                     and result.returncode == 1 and f"{CHECKOUT}:{typo_line}:" in out,
                     "source: the pinned ref is fetched, built (install-deps, make release) and run",
                     out)
    checks.finish()


if __name__ == "__main__":
    main()
