import ArgumentParser

/// The help of `--threads`, which `run`, `resume` and `sweep` share.
enum ThreadsHelp {
    static let text = ArgumentHelp(
        "The threads each run computes on, at least 1 (default: a single run uses the cores the process may use, "
            + "each run of a sweep one). A speed setting only: results are byte-identical on any number of threads.",
        valueName: "N")
}
