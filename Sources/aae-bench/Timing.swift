import Foundation

/// Wall-clock timing with a median over windows, robust to a noisy neighbour.
enum Timing {
    /// Seconds per repetition of each body, timed in alternating windows (one
    /// window of each body per round) so that a change in the machine's load
    /// weighs on all of them alike: the median over `windows` rounds for each.
    static func medianSeconds(windows: Int, repetitions: Int, _ bodies: [() -> Void]) -> [Double] {
        var perRepetition = [[Double]](repeating: [], count: bodies.count)
        for _ in 0..<windows {
            for (index, body) in bodies.enumerated() {
                let start = DispatchTime.now().uptimeNanoseconds
                for _ in 0..<repetitions { body() }
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                perRepetition[index].append(elapsed / Double(repetitions))
            }
        }
        return perRepetition.map { times in times.sorted()[times.count / 2] }
    }
}
