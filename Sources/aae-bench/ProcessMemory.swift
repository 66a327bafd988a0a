import CAllocationCounter
import Foundation

/// The process's memory figures: resident set from /proc and heap allocations
/// counted by the interposed allocator.
enum ProcessMemory {
    /// The resident set size in bytes (`VmRSS`), or the peak (`VmHWM`).
    static func residentBytes(peak: Bool = false) -> Double {
        guard let status = try? String(contentsOfFile: "/proc/self/status", encoding: .utf8) else { return .nan }
        let key = peak ? "VmHWM:" : "VmRSS:"
        guard let line = status.split(separator: "\n").first(where: { $0.hasPrefix(key) }),
              let kilobytes = Double(line.split(separator: " ").dropFirst().first ?? "") else { return .nan }
        return kilobytes * 1024
    }

    /// Heap allocations (calls, bytes) made by the process so far.
    static func allocations() -> (calls: Double, bytes: Double) {
        let totals = aae_allocation_totals_now()
        return (Double(totals.calls), Double(totals.bytes))
    }
}
