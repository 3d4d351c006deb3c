// The hub thread's epoll event loop, on a thread of its own as the hub runs it: timers,
// sockets talking and hanging up, work handed over from another thread, and quitting.
#include "realtime/EpollEventDispatcher.h"

#include <QElapsedTimer>
#include <QTcpServer>
#include <QTcpSocket>
#include <QTest>
#include <QThread>
#include <QTimer>

#include <atomic>
#include <future>
#include <mutex>

using namespace bitmarket::server;

namespace {

// Runs `work` on the thread and waits for what it returns.
template <typename Work> auto onThread(QThread& thread, Work work) {
    std::promise<decltype(work())> answer;
    auto* context = new QObject;
    context->moveToThread(&thread);
    // Nothing of this frame is touched after set_value(): the caller may have returned.
    QMetaObject::invokeMethod(context, [&answer, &work, context] {
        auto value = work();
        context->deleteLater();
        answer.set_value(std::move(value));
    });
    auto result = answer.get_future();
    if (result.wait_for(std::chrono::seconds(10)) != std::future_status::ready)
        qFatal("the loop did not run the work within 10 s");
    return result.get();
}

} // namespace

class EpollEventDispatcherTest : public QObject {
    Q_OBJECT

    QThread m_thread;

private Q_SLOTS:
    void init() {
        m_thread.setEventDispatcher(new EpollEventDispatcher);
        m_thread.start();
    }

    void cleanup() {
        m_thread.quit();
        QVERIFY(m_thread.wait(5000));
    }

    void workFromAnotherThreadRunsAtOnceOnAnIdleLoop() {
        // Nothing else is due: the loop sleeps in epoll until the posted work wakes it.
        QTest::qWait(50);
        QElapsedTimer took;
        took.start();
        const bool ran = onThread(m_thread, [] { return true; });
        QVERIFY(ran);
        QVERIFY2(took.elapsed() < 100, qPrintable(QString::number(took.elapsed())));
    }

    void timersFireOnTheirBeatAndStopWhenTold() {
        std::atomic<int> ticks = 0;
        std::atomic<int> shots = 0;
        auto* timer = onThread(m_thread, [&] {
            auto* t = new QTimer;
            t->setInterval(20);
            QObject::connect(t, &QTimer::timeout, [&] { ++ticks; });
            t->start();
            QTimer::singleShot(30, t, [&] { ++shots; });
            return t;
        });
        QTest::qWait(210);
        const int remaining = onThread(m_thread, [&] { return timer->remainingTime(); });
        QVERIFY2(remaining >= 0 && remaining <= 20, qPrintable(QString::number(remaining)));
        onThread(m_thread, [&] {
            timer->stop();
            return true;
        });
        const int seen = ticks;
        QVERIFY2(seen >= 5 && seen <= 11, qPrintable(QString::number(seen)));
        QCOMPARE(shots.load(), 1);
        QTest::qWait(60);
        QCOMPARE(ticks.load(), seen);
        onThread(m_thread, [&] {
            delete timer;
            return true;
        });
    }

    void aTimerStoppedFromItsOwnTimeoutFiresOnce() {
        std::atomic<int> fired = 0;
        onThread(m_thread, [&] {
            auto* t = new QTimer;
            t->setInterval(5);
            QObject::connect(t, &QTimer::timeout, t, [t, &fired] {
                ++fired;
                t->stop();
                t->deleteLater();
            });
            t->start();
            return true;
        });
        QTest::qWait(60);
        QCOMPARE(fired.load(), 1);
    }

    void socketsTalkAndHangUp() {
        std::atomic<bool> disconnected = false;
        QByteArray heard;
        std::mutex heardMutex;
        // A server and a client on the loop: the client says ping, the server answers pong and
        // hangs up, and the client sees both.
        QTcpServer* server = onThread(m_thread, [&]() -> QTcpServer* {
            auto* server = new QTcpServer;
            QObject::connect(server, &QTcpServer::newConnection, server, [server] {
                QTcpSocket* accepted = server->nextPendingConnection();
                QObject::connect(accepted, &QTcpSocket::readyRead, accepted, [accepted] {
                    if (accepted->readAll() == "ping") {
                        accepted->write("pong");
                        accepted->disconnectFromHost();
                    }
                });
            });
            if (!server->listen(QHostAddress::LocalHost)) {
                delete server;
                return nullptr;
            }
            auto* client = new QTcpSocket(server);
            QObject::connect(client, &QTcpSocket::connected, client, [client] { client->write("ping"); });
            QObject::connect(client, &QTcpSocket::readyRead, client, [client, &heard, &heardMutex] {
                std::lock_guard lock(heardMutex);
                heard += client->readAll();
            });
            QObject::connect(client, &QTcpSocket::disconnected, client,
                             [&disconnected] { disconnected = true; });
            client->connectToHost(QHostAddress::LocalHost, server->serverPort());
            return server;
        });
        QVERIFY(server);
        QTRY_VERIFY_WITH_TIMEOUT(disconnected.load(), 5000);
        onThread(m_thread, [server] {
            delete server;
            return true;
        });
        std::lock_guard lock(heardMutex);
        QCOMPARE(heard, QByteArray("pong"));
    }

    void quitEndsTheLoopPromptly() {
        QElapsedTimer took;
        took.start();
        m_thread.quit();
        QVERIFY(m_thread.wait(1000));
        QVERIFY2(took.elapsed() < 200, qPrintable(QString::number(took.elapsed())));
        // cleanup() quits again: start the next test's thread afresh.
        m_thread.setEventDispatcher(new EpollEventDispatcher);
        m_thread.start();
    }
};

QTEST_GUILESS_MAIN(EpollEventDispatcherTest)
#include "EpollEventDispatcherTest.moc"
