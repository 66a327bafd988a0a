import CKernels
import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Work the pool can split: `count` independent tasks, numbered from 0, any of
/// which may run on any of the pool's threads in any order.
///
/// A conforming object is made once and reused (a product's blocks, Adam's
/// chunks), so that handing work to the pool allocates nothing.
public protocol ParallelTasks: AnyObject {
    /// Carries out task `index`; tasks write disjoint memory.
    func perform(_ index: Int)
}

/// A run's threads: the thread that owns the pool (the run's own) and
/// `threadCount − 1` workers it keeps for the run's lifetime.
///
/// Hand-off is cheap enough for products of a few tens of microseconds: the
/// owner publishes a job in one atomic word — a generation, the number of tasks
/// and the next task to take — and every thread, the owner included, takes
/// tasks from it with a compare-and-swap until none is left. Workers spin on
/// that word for a short while after a job and then sleep on a condition
/// variable, so an idle run (evaluating, writing figures) leaves its cores to others.
///
/// What runs where never changes a result: callers cut their work into tasks
/// from its shape alone, and each task's output is computed the same way on
/// whichever thread takes it. The pool is per run (`bind` makes it the calling
/// thread's `current`), so runs side by side in one process (a sweep's) each
/// use their own threads.
public final class WorkerPool: @unchecked Sendable {
    /// The threads a job is spread over, the owner's included.
    public let threadCount: Int

    /// The job: generation (high 32 bits), task count (16 bits) and next task (low 16 bits).
    private let job = Atomic<UInt64>(0)
    /// Tasks of the current job finished so far.
    private let finished = Atomic<Int>(0)
    /// Workers asleep on `wakeUp` (or about to be).
    private let sleepers = Atomic<Int>(0)
    private let stopping = Atomic<Bool>(false)
    /// The current job's work; written by the owner before the job is published.
    private unowned(unsafe) var work: ParallelTasks?
    /// Whether a job is in progress: work the owner hands over from inside a task runs on its own.
    private var isRunning = false
    private let mutex: UnsafeMutablePointer<pthread_mutex_t>
    private let wakeUp: UnsafeMutablePointer<pthread_cond_t>
    private var workers: [pthread_t] = []

    /// How long a worker spins for the next job before it sleeps, in seconds.
    static let spinSeconds = 0.000_2
    /// The most tasks one job may have.
    public static let maximumTasks = 0xFFFF

    /// A pool of `threads` threads in all: the calling one and `threads − 1` workers.
    public init(threads: Int) {
        precondition(threads >= 1, "a worker pool needs at least one thread, got \(threads)")
        threadCount = threads
        mutex = .allocate(capacity: 1)
        wakeUp = .allocate(capacity: 1)
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(wakeUp, nil)
        for slot in 1..<threads {
            var thread = pthread_t()
            let context = Unmanaged.passRetained(WorkerStart(pool: self, slot: slot)).toOpaque()
            let created = pthread_create(&thread, nil, { context in
                let start = Unmanaged<WorkerStart>.fromOpaque(context!).takeRetainedValue()
                pthread_setspecific(WorkerPool.slotKey, UnsafeMutableRawPointer(bitPattern: start.slot))
                start.pool.workerLoop()
                return nil
            }, context)
            precondition(created == 0, "cannot start a worker thread (error \(created))")
            workers.append(thread)
        }
    }

    /// Stops the workers and waits for them to end. The pool cannot be used afterwards.
    public func shutDown() {
        guard !workers.isEmpty else { return }
        stopping.store(true, ordering: .sequentiallyConsistent)
        publish(((job.load(ordering: .relaxed) >> 32) &+ 1) << 32)
        for thread in workers { pthread_join(thread, nil) }
        workers = []
    }

    deinit {
        // Workers hold the pool while they run, so by now they have been shut down.
        pthread_cond_destroy(wakeUp)
        pthread_mutex_destroy(mutex)
        mutex.deallocate()
        wakeUp.deallocate()
    }

    // MARK: The calling thread's pool

    private static let currentKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    private static let slotKey: pthread_key_t = {
        var key = pthread_key_t()
        pthread_key_create(&key, nil)
        return key
    }()

    /// The calling thread's place in the pool whose task it runs: 0 for the owner
    /// (a thread with a pool bound, and any thread outside a pool), `1..<threadCount`
    /// for a worker. Tasks that need scratch memory of their own (a convolution's
    /// patch buffers) index it by this slot.
    public static var threadSlot: Int {
        current != nil ? 0 : Int(bitPattern: pthread_getspecific(slotKey))
    }

    /// The pool of the calling thread, set by `bind`; nil: work runs on the calling thread alone.
    public static var current: WorkerPool? {
        guard let pointer = pthread_getspecific(currentKey) else { return nil }
        return Unmanaged<WorkerPool>.fromOpaque(pointer).takeUnretainedValue()
    }

    /// Runs `body` with this pool as the calling thread's `current`, then restores the previous one.
    public func bind<Result>(_ body: () throws -> Result) rethrows -> Result {
        let previous = pthread_getspecific(Self.currentKey)
        pthread_setspecific(Self.currentKey, Unmanaged.passUnretained(self).toOpaque())
        defer { pthread_setspecific(Self.currentKey, previous) }
        return try body()
    }

    // MARK: Jobs

    /// Whether a job of `count` tasks would be spread over threads rather than run on the caller.
    public var isAvailable: Bool { threadCount > 1 && !isRunning }

    /// Carries out tasks `0..<count` of `work` over the pool's threads and returns when all are done.
    /// Called from the owning thread; from inside a task (or with one thread) the tasks run in order here.
    public func run(_ work: ParallelTasks, count: Int) {
        precondition(count <= Self.maximumTasks, "a job of \(count) tasks; at most \(Self.maximumTasks)")
        guard count > 1, isAvailable else {
            for index in 0..<count { work.perform(index) }
            return
        }
        isRunning = true
        defer { isRunning = false }
        self.work = work
        finished.store(0, ordering: .relaxed)
        let generation = (job.load(ordering: .relaxed) >> 32) &+ 1
        publish(generation << 32 | UInt64(count) << 16)
        let done = takeTasks(generation: generation)
        if done > 0 { finished.add(done, ordering: .releasing) }
        var spins = 0
        while finished.load(ordering: .acquiring) < count {
            spins += 1
            if spins & 0xFF == 0 { sched_yield() } else { aae_spin_pause() }
        }
        self.work = nil
    }

    /// Publishes a new job word and wakes the sleeping workers.
    private func publish(_ word: UInt64) {
        job.store(word, ordering: .sequentiallyConsistent)
        if sleepers.load(ordering: .sequentiallyConsistent) > 0 {
            pthread_mutex_lock(mutex)
            pthread_cond_broadcast(wakeUp)
            pthread_mutex_unlock(mutex)
        }
    }

    /// Takes and performs tasks of job `generation` until none is left; returns how many it performed.
    private func takeTasks(generation: UInt64) -> Int {
        var performed = 0
        var word = job.load(ordering: .acquiring)
        while word >> 32 == generation {
            let next = Int(word & 0xFFFF), count = Int(word >> 16 & 0xFFFF)
            guard next < count else { break }
            let (exchanged, original) = job.compareExchange(expected: word, desired: word + 1,
                                                            ordering: .acquiringAndReleasing)
            if exchanged {
                work?.perform(next)
                performed += 1
                word = job.load(ordering: .acquiring)
            } else {
                word = original
            }
        }
        return performed
    }

    /// A worker: waits for each new job, takes its share of tasks, until the pool shuts down.
    private func workerLoop() {
        // Generation 0 is the pool's state before its first job, whenever the thread starts.
        var seen: UInt64 = 0
        while true {
            let generation = waitForJob(after: seen)
            if stopping.load(ordering: .acquiring) { return }
            seen = generation
            let done = takeTasks(generation: generation)
            if done > 0 { finished.add(done, ordering: .releasing) }
        }
    }

    /// Spins for `spinSeconds`, then sleeps, until a job newer than generation `seen` is published.
    private func waitForJob(after seen: UInt64) -> UInt64 {
        var spins = 0
        var deadline = 0.0
        while true {
            let generation = job.load(ordering: .acquiring) >> 32
            if generation != seen { return generation }
            spins += 1
            aae_spin_pause()
            guard spins & 0x3F == 0 else { continue }
            let now = Self.seconds()
            if deadline == 0 { deadline = now + Self.spinSeconds; continue }
            guard now > deadline else { continue }
            pthread_mutex_lock(mutex)
            sleepers.add(1, ordering: .sequentiallyConsistent)
            while job.load(ordering: .sequentiallyConsistent) >> 32 == seen {
                pthread_cond_wait(wakeUp, mutex)
            }
            sleepers.subtract(1, ordering: .sequentiallyConsistent)
            pthread_mutex_unlock(mutex)
            spins = 0
            deadline = 0
        }
    }

    /// What a worker thread starts with.
    private final class WorkerStart {
        let pool: WorkerPool
        let slot: Int
        init(pool: WorkerPool, slot: Int) {
            self.pool = pool
            self.slot = slot
        }
    }

    /// A monotonic clock in seconds.
    private static func seconds() -> Double {
        var time = timespec()
        clock_gettime(CLOCK_MONOTONIC, &time)
        return Double(time.tv_sec) + Double(time.tv_nsec) * 1e-9
    }
}
