import AAECore
import Synchronization
import XCTest

/// The worker pool runs every task of every job exactly once, on any number of
/// threads, each thread in its own slot, and work handed over from inside a task
/// runs where it was handed.
final class WorkerPoolTests: XCTestCase {
    /// Counts how often each task ran and on how many distinct threads.
    private final class Counting: ParallelTasks {
        let runs: UnsafeMutablePointer<Int>
        let count: Int
        init(count: Int) {
            self.count = count
            runs = .allocate(capacity: count)
            runs.initialize(repeating: 0, count: count)
        }
        deinit { runs.deallocate() }
        func reset() { runs.update(repeating: 0, count: count) }
        func perform(_ index: Int) { runs[index] += 1 }
    }

    func testEveryTaskOfEveryJobRunsExactlyOnce() {
        for threads in [1, 2, 4] {
            let pool = WorkerPool(threads: threads)
            for count in [1, 2, 3, 8, 100, 1000] {
                let work = Counting(count: count)
                for _ in 0..<200 {
                    work.reset()
                    pool.run(work, count: count)
                    XCTAssertEqual(Array(UnsafeBufferPointer(start: work.runs, count: count)),
                                   Array(repeating: 1, count: count), "\(count) tasks on \(threads) threads")
                }
            }
            pool.shutDown()
        }
    }

    /// Records the thread slot and the thread of each task.
    private final class SlotRecording: ParallelTasks {
        private let lock = NSLock()
        private(set) var slotsOfThreads: [UInt: Set<Int>] = [:]
        /// A sum each task computes, so that tasks last long enough for every thread to take some.
        private(set) var checksum = 0.0

        func perform(_ index: Int) {
            var sum = 0.0
            for value in 0..<20_000 { sum += Double(value) }
            let slot = WorkerPool.threadSlot, thread = UInt(bitPattern: Int(bitPattern: pthread_self()))
            lock.lock()
            slotsOfThreads[thread, default: []].insert(slot)
            checksum += sum
            lock.unlock()
        }
    }

    func testEachThreadOfAPoolHasItsOwnSlotAndTheOwnerSlotZero() {
        let pool = WorkerPool(threads: 3)
        defer { pool.shutDown() }
        let work = SlotRecording()
        pool.bind { for _ in 0..<50 { pool.run(work, count: 64) } }
        let owner = UInt(bitPattern: Int(bitPattern: pthread_self()))
        XCTAssertEqual(work.slotsOfThreads[owner], [0])
        XCTAssertTrue(work.slotsOfThreads.values.allSatisfy { $0.count == 1 }, "\(work.slotsOfThreads)")
        let slots = work.slotsOfThreads.values.map { $0.first! }
        XCTAssertEqual(Set(slots).count, slots.count, "\(work.slotsOfThreads)")
        XCTAssertTrue(Set(slots).isSubset(of: [0, 1, 2]))
        XCTAssertEqual(WorkerPool.threadSlot, 0)
    }

    func testJobsAfterTheWorkersFellAsleepStillRun() {
        let pool = WorkerPool(threads: 3)
        defer { pool.shutDown() }
        let work = Counting(count: 16)
        for _ in 0..<3 {
            usleep(5_000)  // well past the workers' spin
            work.reset()
            pool.run(work, count: 16)
            XCTAssertEqual(Array(UnsafeBufferPointer(start: work.runs, count: 16)), Array(repeating: 1, count: 16))
        }
    }

    /// A task that hands the pool a job of its own.
    private final class Nested: ParallelTasks {
        let pool: WorkerPool
        let inner = Counting(count: 4 * 8)
        init(pool: WorkerPool) { self.pool = pool }
        func perform(_ index: Int) {
            let part = Part(of: inner, offset: index * 8)
            if WorkerPool.current === pool { pool.run(part, count: 8) } else { for task in 0..<8 { part.perform(task) } }
        }
        final class Part: ParallelTasks {
            let whole: Counting, offset: Int
            init(of whole: Counting, offset: Int) { self.whole = whole; self.offset = offset }
            func perform(_ index: Int) { whole.perform(offset + index) }
        }
    }

    func testAJobHandedOverFromInsideATaskRunsThere() {
        let pool = WorkerPool(threads: 2)
        defer { pool.shutDown() }
        let work = Nested(pool: pool)
        pool.bind { pool.run(work, count: 4) }
        XCTAssertEqual(Array(UnsafeBufferPointer(start: work.inner.runs, count: 32)), Array(repeating: 1, count: 32))
    }

    func testBindMakesThePoolTheCallingThreadsOwnOnly() {
        let pool = WorkerPool(threads: 2)
        defer { pool.shutDown() }
        XCTAssertNil(WorkerPool.current)
        pool.bind {
            XCTAssertTrue(WorkerPool.current === pool)
            XCTAssertEqual(Parallelism.workers, 2)
            final class Seen: @unchecked Sendable { var pool: WorkerPool? }
            let done = DispatchSemaphore(value: 0), seen = Seen()
            Thread { seen.pool = WorkerPool.current; done.signal() }.start()
            done.wait()
            XCTAssertNil(seen.pool)
        }
        XCTAssertNil(WorkerPool.current)
    }
}
