-- The answers test recipients give by themselves (docs/testing.md): one row per test pause whose recipient
-- chooses an option, written with the pause and deleted when its time comes, whether the answer then wins
-- or the pause had already ended. No foreign key: the row is written in the same statement as its pause.
CREATE TABLE test_answer (
    pause_id text        PRIMARY KEY,
    choice   text        NOT NULL,
    due_at   timestamptz NOT NULL
);
-- The due work's only question: which answers are due?
CREATE INDEX test_answer_due ON test_answer (due_at);
