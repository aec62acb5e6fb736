/**
 * The MongoDB documents one service writes and others read, named in one place each. A
 * field renamed here is renamed for the writer and every reader at once; the
 * read-model-contracts module writes each document through the writer's store code and
 * reads it through every reader's code, so a reader or writer that stops using these
 * names fails there, not only end to end.
 */
@NullMarked
package com.aimedia.gateway.platform.readmodel;

import org.jspecify.annotations.NullMarked;
