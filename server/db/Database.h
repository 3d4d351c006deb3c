// The server's SQLite store: WAL, a pool of reader connections and one writer
// thread that commits queued writes together (group commit). Every write the
// caller sees succeed is durable before write() returns.
//
// Commits are pipelined: the writer commits a batch into the WAL without waiting
// for the disk (synchronous=NORMAL) and goes on with the next batch, while the
// commit thread makes the WAL durable (fdatasync) and only then runs each
// write's afterCommit actions and answers it. One fsync covers every batch
// committed before it started, and the writer never waits for one. Readers may
// see a committed write the moment before it is durable; nobody is told it
// happened (no answer, no event) until it is.
#pragma once

#include "bitmarket/Result.h"
#include "db/Connection.h"
#include "db/SqlError.h"

#include <chrono>
#include <condition_variable>
#include <deque>
#include <functional>
#include <future>
#include <memory>
#include <mutex>
#include <optional>
#include <thread>
#include <type_traits>
#include <vector>

namespace bitmarket::server::db {

class Database {
public:
    struct Options {
        QString path;
        int readers = 8;
        int maxBatch = 256; // writes that may share one commit
    };
    static constexpr std::chrono::milliseconds kDetachedDelay{10};

    // Opens (creating if needed) and migrates forward. Throws SqlError on failure.
    explicit Database(Options options);
    ~Database();
    Database(const Database&) = delete;
    Database& operator=(const Database&) = delete;

    int schemaVersion();

    // Runs `work(Connection&)` on a reader connection, in one read transaction: all it
    // reads is one snapshot. `work` returns Result<T>.
    template <typename Work> auto read(Work&& work) -> std::invoke_result_t<Work, Connection&> {
        using R = std::invoke_result_t<Work, Connection&>;
        Lease lease(*this);
        try {
            lease.connection->beginRead();
            return work(*lease.connection);
        } catch (const SqlError& e) {
            return R(internalError(e));
        }
    }

    // Runs `work(Connection&)` inside the writer's current transaction; waits
    // until it is committed. An error Result or an exception rolls back
    // everything this `work` wrote and nothing else.
    template <typename Work> auto write(Work&& work) -> std::invoke_result_t<Work, Connection&> {
        using R = std::invoke_result_t<Work, Connection&>;
        std::optional<R> result;
        std::promise<void> done;
        auto finished = done.get_future();
        writeThen([&work](Connection& c) { return work(c); },
                  [&result, &done](R committed) {
                      result.emplace(std::move(committed));
                      done.set_value();
                  });
        finished.wait();
        return std::move(*result);
    }

    // The same write without a thread waiting for it: `then(result)` gets what `work` returned
    // once it is committed and durable (or the error that undid it), on the commit thread, in
    // commit order.
    // `then` must be quick and must not wait: it hands the answer on (to an event loop).
    template <typename Work, typename Then> void writeThen(Work work, Then then) {
        using R = std::invoke_result_t<Work&, Connection&>;
        auto result = std::make_shared<std::optional<R>>();
        enqueue(Task{
            [result, work = std::move(work)](Connection& c) mutable {
                try {
                    result->emplace(work(c));
                } catch (const SqlError& e) {
                    result->emplace(internalError(e));
                }
                return (*result)->ok();
            },
            [result, then = std::move(then)](const SqlError* commitError) mutable {
                if (commitError)
                    result->emplace(internalError(*commitError));
                then(std::move(**result));
            }});
    }

    // Queues a write without waiting for it (for counters where a lost
    // increment after a crash is acceptable, such as views). The writer holds
    // a queue of only such writes back for up to kDetachedDelay so that one
    // commit carries many of them; a waited-for write or shutdown ends the wait.
    void writeDetached(std::function<void(Connection&)> work);

    // Waits for every queued write to be committed.
    void flush();

private:
    struct Task {
        std::function<bool(Connection&)> run;             // false: roll this task back
        std::function<void(const SqlError*)> finish;      // after commit (or commit failure)
        bool awaited = true;                              // a caller waits for its commit
        Connection::Actions afterCommit; // emptied when the task rolls back
    };
    // A batch the writer committed (or failed to), waiting for the WAL to be made durable.
    struct Committed {
        std::vector<Task> batch;
        std::optional<SqlError> error;
    };
    struct Lease {
        explicit Lease(Database& db);
        ~Lease();
        Database& db;
        Connection* connection;
    };

    static ApiError internalError(const SqlError& e);
    void enqueue(Task task);
    void writerLoop();
    // Makes the WAL durable, then answers the batches committed before, in commit order.
    void commitLoop();
    // fdatasync of the WAL file; the error when the disk refused.
    std::optional<SqlError> syncWal();
    // Copies the WAL into the database when the writer's commits have grown it (see the
    // constructor), on a connection and thread of its own, then holds the writer for the last
    // few pages so that the log starts over instead of growing.
    void checkpointLoop();
    // Called by the writer around each batch's transaction; entering waits while the
    // checkpointer holds the writer.
    void enterBatch();
    void leaveBatch();
    // Called by the checkpointer: returns once the writer is between batches and stays there.
    void holdWriter();
    void releaseWriter();
    void migrate(Connection& connection);

    Options m_options;
    std::unique_ptr<Connection> m_writer;

    std::mutex m_readersMutex;
    std::condition_variable m_readerFree;
    std::vector<std::unique_ptr<Connection>> m_readers;
    std::vector<Connection*> m_idleReaders;

    std::mutex m_queueMutex;
    std::condition_variable m_queueChanged;
    std::deque<Task> m_queue;
    int m_awaitedInQueue = 0;
    bool m_stopping = false;
    std::thread m_writerThread;

    std::mutex m_committedMutex;
    std::condition_variable m_batchCommitted;
    std::deque<Committed> m_committed;
    bool m_writerDone = false;
    int m_walFd = -1; // the WAL, opened at the first sync
    std::thread m_commitThread;

    std::unique_ptr<Connection> m_checkpointer;
    std::mutex m_checkpointMutex;
    std::condition_variable m_walGrown;
    bool m_checkpointDue = false;
    bool m_checkpointerStopping = false;
    std::thread m_checkpointThread;

    std::mutex m_holdMutex;
    std::condition_variable m_holdChanged;
    bool m_writerHeld = false;    // the checkpointer wants the writer to wait
    bool m_inBatch = false;    // the writer is between BEGIN and COMMIT
};

} // namespace bitmarket::server::db
