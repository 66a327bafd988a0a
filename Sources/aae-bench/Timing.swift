import Foundation

/// Wall-clock timing with a median over windows, robust to a noisy neighbour.
enum Timing {
    /// Seconds per repetition of `body`: the median over `windows` windows of `repetitions` each.
    static func medianSeconds(windows: Int, repetitions: Int, _ body: () -> Void) -> Double {
        var perRepetition: [Double] = []
        for _ in 0..<windows {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<repetitions { body() }
            let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
            perRepetition.append(elapsed / Double(repetitions))
        }
        perRepetition.sort()
        return perRepetition[perRepetition.count / 2]
    }
}
