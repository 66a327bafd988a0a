import AAEReport
import Foundation

extension SweepPlan {
    /// Refuses folders left by a different sweep (or holding another
    /// experiment's run), then writes sweep.resolved.yaml and every run's
    /// config.resolved.yaml, so that the sweep can be resumed from its folder
    /// before all runs have started.
    func prepareFolders() throws {
        var conflicts: [String] = []
        for run in runs {
            let config = RunFolderLayout(directory(of: run)).configuration
            if let existing = try? String(contentsOf: config, encoding: .utf8), existing != resolvedYAML(run.experiment) {
                conflicts.append(run.id)
            }
        }
        guard conflicts.isEmpty else {
            let listed = conflicts.prefix(3).joined(separator: ", ") + (conflicts.count > 3 ? " and \(conflicts.count - 3) more" : "")
            throw SweepError("\(outputDirectory.path) holds runs of another version of this sweep or of another "
                             + "experiment (\(listed)): their config.resolved.yaml differs from this sweep's; remove those "
                             + "run folders, or write the sweep elsewhere with --out")
        }
        if let configuration = configuration {
            try AtomicFile.write(configuration,
                                 to: outputDirectory.appendingPathComponent(SweepPlan.configurationFileName))
        }
        for run in runs {
            try AtomicFile.write(resolvedYAML(run.experiment),
                                 to: RunFolderLayout(directory(of: run)).configuration)
        }
    }
}
