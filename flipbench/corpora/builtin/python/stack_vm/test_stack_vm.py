from stack_vm import VM, VMError, assemble, run_program

COUNTDOWN = """
push 3
store n
loop:        # print n while n != 0
load n
jz end
load n
print
load n
push 1
sub
store n
jmp loop
end:
halt
"""

FACTORIAL = """
push 5
call fact
print
halt
fact:        # replaces n on the stack by n!
dup
push 2
lt
jnz base
dup
push 1
sub
call fact
mul
ret
base:
pop
push 1
ret
"""


def _error(text, max_steps):
    """The VMError message of a failing run, or '' when the program runs fine."""
    try:
        run_program(text, max_steps)
    except VMError as error:
        return str(error)
    return ""


def test_arithmetic_operand_order():
    assert run_program("push 2\npush 3\nadd\npush 4\nmul\nprint", 100) == [20]
    assert run_program("push 10\npush 3\nsub\nprint", 100) == [7]
    assert run_program("push 7\npush 2\ndiv\nprint\npush 7\npush 3\nmod\nprint", 100) == [3, 1]
    assert run_program("push -7\npush 2\ndiv\nprint", 100) == [-4]
    assert run_program("push 2\npush 3\nlt\npush 3\npush 2\nlt\npush 3\npush 3\nlt\nprint\nprint\nprint", 100) == [0, 0, 1]
    assert run_program("push 4\npush 4\neq\npush 4\npush 5\neq\nprint\nprint", 100) == [0, 1]


def test_stack_shuffling():
    assert run_program("push 1\npush 2\nswap\nprint\nprint", 100) == [1, 2]
    assert run_program("push 6\ndup\nmul\nprint", 100) == [36]
    assert run_program("push 1\npush 2\npop\nprint", 100) == [1]


def test_countdown_loop_with_variables():
    assert run_program(COUNTDOWN, 1000) == [3, 2, 1]
    assert run_program(COUNTDOWN.replace("push 3", "push 0"), 1000) == []


def test_recursive_factorial_with_call_and_ret():
    assert run_program(FACTORIAL, 10000) == [120]
    assert run_program(FACTORIAL.replace("push 5", "push 1"), 10000) == [1]


def test_conditional_jumps():
    program = "push {}\njnz yes\npush 0\nprint\nhalt\nyes:\npush 1\nprint"
    assert run_program(program.format(7), 100) == [1]
    assert run_program(program.format(0), 100) == [0]
    program = "push {}\njz yes\npush 0\nprint\nhalt\nyes:\npush 1\nprint"
    assert run_program(program.format(0), 100) == [1]
    assert run_program(program.format(-2), 100) == [0]


def test_step_by_step_state():
    vm = VM(assemble("push 4\nstore x\nload x\nload x\nadd\nhalt\npush 9"), 100)
    assert vm.step() is True
    assert vm.stack == [4] and vm.pc == 1
    assert vm.step() is True
    assert vm.vars == {"x": 4} and vm.stack == []
    assert vm.run() == []
    assert vm.stack == [8]
    assert vm.pc == 5
    assert vm.steps == 6
    assert vm.step() is False
    stop = VM([("halt", None), ("push", 1)], 10)
    assert stop.step() is False
    assert stop.halted is True
    assert stop.step() is False
    assert stop.stack == [] and stop.steps == 1
    end = VM([("push", 1)], 1)
    assert end.run() == []
    assert end.stack == [1]
    assert end.halted is True
    assert end.steps == 1


def test_jump_back_to_first_instruction():
    vm = VM(assemble("top:\nload n\npush 1\nadd\ndup\nstore n\npush 3\neq\njz top\nload n\nprint"), 100)
    vm.vars["n"] = 0
    assert vm.run() == [3]
    assert vm.steps == 26


def test_runtime_errors():
    assert _error("add", 100) == "stack underflow at 0"
    assert _error("push 1\nadd", 100) == "stack underflow at 1"
    assert _error("push 1\nprint\nprint", 100) == "stack underflow at 2"
    assert _error("push 1\npush 0\ndiv", 100) == "division by zero"
    assert _error("push 1\npush 0\nmod", 100) == "division by zero"
    assert _error("load y", 100) == "undefined variable y"
    assert _error("ret", 100) == "return outside a call"
    assert _error("loop:\njmp loop", 100) == "step limit exceeded"
    assert _error("push 1\npush 2\nadd\nprint", 4) == ""
    assert _error("push 1\npush 2\nadd\nprint", 3) == "step limit exceeded"
    for target in [-1, 3]:
        try:
            VM([("jmp", target), ("halt", None)], 10).run()
        except VMError as error:
            assert str(error) == "bad jump target " + str(target)
            continue
        raise AssertionError("bad jump accepted")
    assert VM([("jmp", 2), ("push", 1)], 10).run() == []


def test_assemble():
    program = assemble("start:\n  push -3  # comment\n\nstore v\njmp start\nend:\n")
    assert program == [("push", -3), ("store", "v"), ("jmp", 0)]
    for text in ["jump 3", "push", "add 1", "jz nowhere", "push 1 2"]:
        try:
            assemble(text)
        except ValueError:
            continue
        raise AssertionError("bad program accepted: " + text)
