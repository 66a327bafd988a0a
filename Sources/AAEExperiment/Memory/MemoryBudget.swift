import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The most memory runs may take: by default a share of the machine's memory (the
/// physical memory, or the control group's limit when lower), or what `--memory-limit`
/// says. A run, or a sweep's runs trained at once, estimated above it is refused
/// before anything is loaded or allocated.
public struct MemoryBudget: Sendable, Equatable {
    /// The share of the machine's memory the default budget allows.
    public static let defaultShare = 0.8

    /// The budget in bytes.
    public let bytes: Int
    /// Where the budget comes from, for messages: `80% of the 23.4 GB of memory`.
    public let origin: String

    public init(bytes: Int, origin: String) {
        self.bytes = bytes
        self.origin = origin
    }

    /// The budget `--memory-limit` sets (`8GB`, `512MB`, a number of bytes), or the
    /// default when `limit` is nil; nil for `none` (no check).
    public init?(limit: String?) throws {
        guard let limit else {
            self = Self.machineDefault
            return
        }
        if limit.lowercased() == "none" { return nil }
        guard let bytes = ByteCount.parse(limit) else {
            throw MemoryBudgetError.unreadableLimit(limit)
        }
        self.init(bytes: bytes, origin: "--memory-limit \(limit)")
    }

    /// `defaultShare` of the machine's memory.
    public static var machineDefault: MemoryBudget {
        let memory = machineMemory
        return MemoryBudget(bytes: Int(Double(memory) * defaultShare),
                            origin: "\(Int(defaultShare * 100))% of the \(ByteCount.text(memory)) of memory")
    }

    /// The physical memory, or the control group's memory limit when it is lower.
    public static var machineMemory: Int {
        let physical = Int(sysconf(Int32(_SC_PHYS_PAGES))) * Int(sysconf(Int32(_SC_PAGESIZE)))
        let limit = (try? String(contentsOfFile: "/sys/fs/cgroup/memory.max", encoding: .utf8))
            .flatMap { Int($0.trimmingCharacters(in: .whitespacesAndNewlines)) }
        return min(physical, limit ?? Int.max)
    }

    /// Refuses `experiment` when its estimate is above the budget.
    public func check(_ experiment: Experiment) throws {
        let estimate = MemoryEstimate(experiment: experiment)
        guard estimate.total > bytes else { return }
        throw MemoryBudgetError.runTooLarge(estimate: estimate, budget: self)
    }

    /// Refuses a sweep whose `jobs` largest runs together are estimated above the budget,
    /// or one of whose runs alone is.
    public func check(_ plan: SweepPlan, jobs: Int) throws {
        let estimates = plan.runs.map { (id: $0.id, estimate: MemoryEstimate(experiment: $0.experiment)) }
        if let largest = estimates.max(by: { $0.estimate.total < $1.estimate.total }), largest.estimate.total > bytes {
            throw MemoryBudgetError.sweepRunTooLarge(run: largest.id, estimate: largest.estimate, budget: self)
        }
        let totals = estimates.map(\.estimate.total).sorted(by: >)
        let together = totals.prefix(max(jobs, 1)).reduce(0, +)
        guard together > bytes else { return }
        var fitting = 0, sum = 0
        for total in totals where sum + total <= bytes {
            sum += total
            fitting += 1
        }
        throw MemoryBudgetError.sweepTooLarge(jobs: jobs, together: together, fittingJobs: max(fitting, 1), budget: self)
    }
}

/// Why a run or a sweep was refused before it started, with the fix; one line each.
public enum MemoryBudgetError: Error, CustomStringConvertible, Equatable {
    case unreadableLimit(String)
    case runTooLarge(estimate: MemoryEstimate, budget: MemoryBudget)
    case sweepRunTooLarge(run: String, estimate: MemoryEstimate, budget: MemoryBudget)
    case sweepTooLarge(jobs: Int, together: Int, fittingJobs: Int, budget: MemoryBudget)

    public var description: String {
        switch self {
        case .unreadableLimit(let text):
            return "--memory-limit: expected a size such as 8GB or 512MB (or `none`), found `\(text)`"
        case .runTooLarge(let estimate, let budget):
            return "the run needs \(estimate.text), more than the memory budget of \(ByteCount.text(budget.bytes)) "
                + "(\(budget.origin)); make the networks or training.batch_size smaller, or set the budget with "
                + "--memory-limit (e.g. --memory-limit \(Self.suggestedLimit(estimate.total)))"
        case .sweepRunTooLarge(let run, let estimate, let budget):
            return "run \(run) needs \(estimate.text), more than the memory budget of \(ByteCount.text(budget.bytes)) "
                + "(\(budget.origin)); make its networks or training.batch_size smaller, or set the budget with "
                + "--memory-limit (e.g. --memory-limit \(Self.suggestedLimit(estimate.total)))"
        case .sweepTooLarge(let jobs, let together, let fittingJobs, let budget):
            return "\(jobs) runs at once need about \(ByteCount.text(together)), more than the memory budget of "
                + "\(ByteCount.text(budget.bytes)) (\(budget.origin)); use --jobs \(fittingJobs), or set the budget "
                + "with --memory-limit"
        }
    }

    /// A limit just above `bytes`, in whole gigabytes or megabytes.
    private static func suggestedLimit(_ bytes: Int) -> String {
        bytes >= 1 << 30 ? "\(bytes / (1 << 30) + 1)GB" : "\(bytes / (1 << 20) + 1)MB"
    }
}
