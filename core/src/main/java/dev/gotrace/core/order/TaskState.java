package dev.gotrace.core.order;

/** An active user task: its type name (StringPool id) and parent id. */
record TaskState(int name, long parent) {}
