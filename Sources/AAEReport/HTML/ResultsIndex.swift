import Foundation

/// A browsable HTML overview of everything under `results/`.
///
/// `write(resultsRoot:)` scans the results folder and writes `results/index.html` (every
/// experiment, with links) and `results/<experiment>/index.html` (every run with its status,
/// hyperparameters, final and evaluation metrics in a sortable table, and its figures as
/// thumbnails). The pages are static files with inline CSS and script that open from
/// `file://`; their bytes depend only on the results tree (no timestamps, sorted listings),
/// so rebuilding an unchanged tree changes nothing and the pages diff cleanly.
public struct ResultsIndex: Equatable, Sendable {
    /// The experiment folders, in natural order of their names.
    public var experiments: [IndexedExperiment]

    public init(experiments: [IndexedExperiment]) {
        self.experiments = experiments
    }

    /// Reads every experiment folder (one holding summary.csv or run folders) under `resultsRoot`.
    ///
    /// - Throws: `ResultsIndexError.notAFolder` when `resultsRoot` is not a folder.
    public static func scan(resultsRoot: URL) throws -> ResultsIndex {
        guard ResultsLayout.isDirectory(resultsRoot) else {
            throw ResultsIndexError.notAFolder(path: resultsRoot.relativePath)
        }
        let experiments = try ResultsLayout.subfolderNames(in: resultsRoot).compactMap { name -> IndexedExperiment? in
            let url = resultsRoot.appendingPathComponent(name, isDirectory: true)
            return ExperimentScanner.isExperiment(url) ? ExperimentScanner.scan(url, name: name) : nil
        }
        return ResultsIndex(experiments: experiments)
    }

    /// The HTML of `results/index.html`.
    public func rootPage() -> String {
        ResultsRootPage.html(self)
    }

    /// The HTML of `results/<experiment.name>/index.html`.
    public func experimentPage(_ experiment: IndexedExperiment) -> String {
        ExperimentPage.html(experiment)
    }

    /// Scans `resultsRoot` and atomically writes the index pages, experiment pages first.
    ///
    /// - Returns: the files written, `results/index.html` last.
    @discardableResult
    public static func write(resultsRoot: URL) throws -> [URL] {
        let index = try scan(resultsRoot: resultsRoot)
        var written: [URL] = []
        for experiment in index.experiments {
            let url = resultsRoot.appendingPathComponent(experiment.name, isDirectory: true)
                .appendingPathComponent("index.html")
            try AtomicFile.write(index.experimentPage(experiment), to: url)
            written.append(url)
        }
        let rootURL = resultsRoot.appendingPathComponent("index.html")
        try AtomicFile.write(index.rootPage(), to: rootURL)
        written.append(rootURL)
        return written
    }
}
