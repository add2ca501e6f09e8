// LMDB's public header, and a guard around the calls that read pages.
// IsnadStore is the only importer.
//
// LMDB reads its pages in place, in the memory map, and trusts them: a
// damaged page (a flipped flag, offset, size or page number) makes it read
// through a null or wild pointer, or past the end of the file, which is a
// SIGSEGV or SIGBUS inside liblmdb, not an error code. Debian's liblmdb
// also keeps its assertions, which abort. The guard below turns both into
// the return code ISNAD_MDB_DAMAGED:
//
// - In a read-only transaction (`recover` set), the call runs after a
//   sigsetjmp; a SIGSEGV or SIGBUS on this thread during the call, or a
//   failed LMDB assertion, jumps back to it. This is safe because only C
//   frames of liblmdb (and libc's memcpy and memcmp) lie between the
//   sigsetjmp and the fault: no comparator or other callback of ours is
//   installed, so no Swift frame is skipped; and a read-only transaction
//   holds no lock and allocates nothing during these calls (only
//   mdb_cursor_open allocates the cursor, before it reads a page, and a
//   cursor whose walk stopped is still freed by mdb_cursor_close). The
//   transaction is never used again: the caller throws and aborts it,
//   which only releases its reader slot. (mdb_dbi_open that faults while
//   reading a database's record, after it named the handle, leaves that
//   handle half made: opening that database again meets the damage again.)
// - In a write transaction (`recover` clear) nothing could be trusted
//   after such a jump (dirty pages, the free list), so the process says
//   that the store is damaged and leaves with exit code 3. Before its
//   commit writes the meta page, a write transaction writes only to free
//   pages (when it spills), so what the store held is unchanged.
//
// A fault outside a guarded call is none of ours: the handler puts back the
// handler it replaced and returns, the instruction faults again and that
// handler (Swift's backtracer, or the default crash) takes it. The handler
// finds the thread's guard with pthread_getspecific, which POSIX does not
// list as async-signal-safe but glibc implements as a lock-free read of
// the thread's own table; the key's slot was set by this thread before
// the call, so nothing is allocated then.
//
// Only Environment.swift calls isnad_mdb_guard_env, so the process's state
// (isnad_mdb_guarded_process: the thread key, the replaced handlers) is
// that of one object file, the one whose handler is installed; the other
// functions reach the per-thread state only through the key they are
// given.
#include <lmdb.h>
#include <pthread.h>
#include <setjmp.h>
#include <signal.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/// What a guarded call returns when LMDB faulted or asserted on a damaged
/// page (LMDB's own codes are -30799 to -30780).
#define ISNAD_MDB_DAMAGED (-30500)

/// What went wrong in the last guarded call of a thread that returned
/// ISNAD_MDB_DAMAGED.
typedef struct isnad_mdb_fault {
    /// SIGSEGV or SIGBUS, or 0 for a failed assertion.
    int signal;
    /// The address the fault was at.
    uintptr_t address;
    /// LMDB's assertion message ("mdb.c:5645: Assertion 'root > 1' failed
    /// in mdb_page_search()"), for a failed assertion.
    char assertion[200];
} isnad_mdb_fault;

typedef struct isnad_mdb_guard {
    sigjmp_buf jump;
    int recover;
} isnad_mdb_guard;

/// Per thread, reached through the key: the guard of the call in progress.
typedef struct isnad_mdb_thread {
    isnad_mdb_guard *current;
    isnad_mdb_fault last;
} isnad_mdb_thread;

/// The process's guard: the thread key and the handlers it replaced.
typedef struct isnad_mdb_process {
    pthread_key_t key;
    int made;
    struct sigaction replaced_segv;
    struct sigaction replaced_bus;
} isnad_mdb_process;

// A static inside a function: Swift's importer emits the function's
// statics with it, but no static variable declared at file scope.
static isnad_mdb_process *isnad_mdb_guarded_process(void) {
    static isnad_mdb_process process;
    return &process;
}

/// Says that the store is damaged and leaves with exit code 3; only
/// async-signal-safe calls.
static void isnad_mdb_leave(const char *what) {
    static const char head[] = "error: store damaged: LMDB met a damaged page and cannot go on (";
    static const char tail[] =
        "); restore the store from a copy, or save what still reads with 'isnad export --skip-damaged'\n";
    ssize_t ignored = write(2, head, sizeof head - 1);
    ignored = write(2, what, strlen(what));
    ignored = write(2, tail, sizeof tail - 1);
    (void)ignored;
    _exit(3);
}

static void isnad_mdb_on_fault(int sig, siginfo_t *info, void *context) {
    (void)context;
    isnad_mdb_process *p = isnad_mdb_guarded_process();
    isnad_mdb_thread *t = p->made ? (isnad_mdb_thread *)pthread_getspecific(p->key) : NULL;
    isnad_mdb_guard *g = t != NULL ? t->current : NULL;
    // si_code > 0: the processor's fault, not a signal someone sent.
    if (g != NULL && info != NULL && info->si_code > 0) {
        if (!g->recover) isnad_mdb_leave(sig == SIGBUS ? "SIGBUS in a write" : "SIGSEGV in a write");
        t->current = NULL;
        t->last.signal = sig;
        t->last.address = (uintptr_t)info->si_addr;
        t->last.assertion[0] = 0;
        // The kernel blocked the signal while its handler runs; the jump
        // does not return through it, so unblock it here.
        sigset_t set;
        sigemptyset(&set);
        sigaddset(&set, sig);
        pthread_sigmask(SIG_UNBLOCK, &set, NULL);
        siglongjmp(g->jump, 1);
    }
    sigaction(sig, sig == SIGBUS ? &p->replaced_bus : &p->replaced_segv, NULL);
    if (info == NULL || info->si_code <= 0) raise(sig);
}

/// LMDB's assertion callback (mdb_env_set_assert): LMDB aborts when it
/// returns.
static void isnad_mdb_on_assert(MDB_env *env, const char *message) {
    (void)env;
    isnad_mdb_process *p = isnad_mdb_guarded_process();
    isnad_mdb_thread *t = p->made ? (isnad_mdb_thread *)pthread_getspecific(p->key) : NULL;
    isnad_mdb_guard *g = t != NULL ? t->current : NULL;
    if (message == NULL) message = "an assertion failed";
    if (g != NULL && g->recover) {
        t->current = NULL;
        t->last.signal = 0;
        t->last.address = 0;
        strncpy(t->last.assertion, message, sizeof t->last.assertion - 1);
        t->last.assertion[sizeof t->last.assertion - 1] = 0;
        siglongjmp(g->jump, 1);
    }
    isnad_mdb_leave(message);
}

static void isnad_mdb_install(void) {
    isnad_mdb_process *p = isnad_mdb_guarded_process();
    if (pthread_key_create(&p->key, free) != 0) return;
    p->made = 1;
    struct sigaction action;
    memset(&action, 0, sizeof action);
    action.sa_sigaction = isnad_mdb_on_fault;
    action.sa_flags = SA_SIGINFO | SA_ONSTACK;
    sigemptyset(&action.sa_mask);
    sigaction(SIGSEGV, &action, &p->replaced_segv);
    sigaction(SIGBUS, &action, &p->replaced_bus);
}

/// Installs the fault handler (once per process) and the assertion
/// callback of `env`; returns the key every guarded call takes, or -1 when
/// no thread key could be made (the calls then run unguarded).
static inline long isnad_mdb_guard_env(MDB_env *env) {
    static pthread_once_t once = PTHREAD_ONCE_INIT;
    pthread_once(&once, isnad_mdb_install);
    mdb_env_set_assert(env, isnad_mdb_on_assert);
    isnad_mdb_process *p = isnad_mdb_guarded_process();
    return p->made ? (long)p->key : -1;
}

static inline isnad_mdb_thread *isnad_mdb_thread_state(long key) {
    if (key < 0) return NULL;
    isnad_mdb_thread *t = (isnad_mdb_thread *)pthread_getspecific((pthread_key_t)key);
    if (t == NULL) {
        t = (isnad_mdb_thread *)calloc(1, sizeof *t);
        if (t != NULL && pthread_setspecific((pthread_key_t)key, t) != 0) {
            free(t);
            t = NULL;
        }
    }
    return t;
}

/// What went wrong in this thread's last call that returned
/// ISNAD_MDB_DAMAGED (zeroes when nothing did).
static inline isnad_mdb_fault isnad_mdb_last_fault(long key) {
    isnad_mdb_fault none;
    memset(&none, 0, sizeof none);
    isnad_mdb_thread *t = key < 0 ? NULL : (isnad_mdb_thread *)pthread_getspecific((pthread_key_t)key);
    return t != NULL ? t->last : none;
}

// The body of a guarded call. `t_` and `outer_` are not changed between
// sigsetjmp and a jump back, so they hold their values after it.
#define ISNAD_MDB_GUARDED(key, recovering, call)                                   \
    isnad_mdb_thread *t_ = isnad_mdb_thread_state(key);                         \
    if (t_ == NULL) return (call);                                              \
    isnad_mdb_guard g_;                                                         \
    isnad_mdb_guard *outer_ = t_->current;                                      \
    g_.recover = (recovering);                                                  \
    if (g_.recover) {                                                           \
        if (sigsetjmp(g_.jump, 0) != 0) {                                       \
            t_->current = outer_;                                               \
            return ISNAD_MDB_DAMAGED;                                           \
        }                                                                       \
    }                                                                           \
    t_->current = &g_;                                                          \
    int rc_ = (call);                                                           \
    t_->current = outer_;                                                       \
    return rc_;

static inline int isnad_mdb_get(long key, int recover, MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v) {
    ISNAD_MDB_GUARDED(key, recover, mdb_get(txn, dbi, k, v))
}

static inline int isnad_mdb_cursor_get(long key, int recover, MDB_cursor *cursor, MDB_val *k, MDB_val *v,
                                       MDB_cursor_op op) {
    ISNAD_MDB_GUARDED(key, recover, mdb_cursor_get(cursor, k, v, op))
}

static inline int isnad_mdb_cursor_count(long key, int recover, MDB_cursor *cursor, size_t *count) {
    ISNAD_MDB_GUARDED(key, recover, mdb_cursor_count(cursor, count))
}

static inline int isnad_mdb_cursor_open(long key, int recover, MDB_txn *txn, MDB_dbi dbi, MDB_cursor **cursor) {
    ISNAD_MDB_GUARDED(key, recover, mdb_cursor_open(txn, dbi, cursor))
}

static inline int isnad_mdb_stat(long key, int recover, MDB_txn *txn, MDB_dbi dbi, MDB_stat *stat) {
    ISNAD_MDB_GUARDED(key, recover, mdb_stat(txn, dbi, stat))
}

static inline int isnad_mdb_dbi_open(long key, int recover, MDB_txn *txn, const char *name, unsigned int flags,
                                     MDB_dbi *dbi) {
    ISNAD_MDB_GUARDED(key, recover, mdb_dbi_open(txn, name, flags, dbi))
}

// Writes: never recovered (see above), so these take no `recover`.

static inline int isnad_mdb_put(long key, MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v, unsigned int flags) {
    ISNAD_MDB_GUARDED(key, 0, mdb_put(txn, dbi, k, v, flags))
}

static inline int isnad_mdb_cursor_put(long key, MDB_cursor *cursor, MDB_val *k, MDB_val *v, unsigned int flags) {
    ISNAD_MDB_GUARDED(key, 0, mdb_cursor_put(cursor, k, v, flags))
}

static inline int isnad_mdb_del(long key, MDB_txn *txn, MDB_dbi dbi, MDB_val *k, MDB_val *v) {
    ISNAD_MDB_GUARDED(key, 0, mdb_del(txn, dbi, k, v))
}

static inline int isnad_mdb_cursor_del(long key, MDB_cursor *cursor, unsigned int flags) {
    ISNAD_MDB_GUARDED(key, 0, mdb_cursor_del(cursor, flags))
}

static inline int isnad_mdb_drop(long key, MDB_txn *txn, MDB_dbi dbi, int del) {
    ISNAD_MDB_GUARDED(key, 0, mdb_drop(txn, dbi, del))
}

/// A write transaction's commit (it reads pages to save the free list).
static inline int isnad_mdb_txn_commit(long key, MDB_txn *txn) { ISNAD_MDB_GUARDED(key, 0, mdb_txn_commit(txn)) }

/// A copy walks every page of the store in the calling thread while
/// another thread writes: it is never recovered either.
static inline int isnad_mdb_env_copyfd2(long key, MDB_env *env, int fd, unsigned int flags) {
    ISNAD_MDB_GUARDED(key, 0, mdb_env_copyfd2(env, fd, flags))
}
