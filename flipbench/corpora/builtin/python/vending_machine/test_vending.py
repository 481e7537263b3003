from vending import VendingMachine, make_change


def _machine():
    vm = VendingMachine({10: 5, 20: 5, 50: 2})
    vm.stock("A1", "cola", 120, 2)
    vm.stock("B2", "chips", 85, 1)
    return vm


def test_make_change_backtracks_when_greedy_fails():
    assert make_change(60, {50: 1, 20: 3}) == [20, 20, 20]
    assert make_change(70, {200: 1, 50: 1, 20: 1}) == [50, 20]
    assert make_change(35, {20: 1, 10: 1, 5: 1}) == [20, 10, 5]
    assert make_change(100, {100: 0, 50: 2}) == [50, 50]
    assert make_change(40, {20: 1, 10: 2, 5: 4}) == [20, 10, 10]
    assert make_change(250, {200: 1, 50: 1}) == [200, 50]
    assert make_change(15, {10: 2}) is None
    assert make_change(0, {}) == []


def test_successful_purchase_with_change():
    vm = _machine()
    assert vm.insert(100) is True
    assert vm.insert(50) is True
    assert vm.state == "collecting"
    assert vm.credit() == 150
    assert vm.select("A1") == ("ok", "cola", [20, 10])
    assert vm.state == "idle"
    assert vm.credit() == 0
    assert vm.sales == 120
    assert vm.products["A1"] == ["cola", 120, 1]
    assert vm.box == {200: 0, 100: 1, 50: 3, 20: 4, 10: 4, 5: 0}
    assert vm.box_value() == 370


def test_exact_credit_and_inserted_coins_used_as_change():
    vm = _machine()
    vm.insert(50)
    vm.insert(20)
    vm.insert(10)
    vm.insert(5)
    assert vm.select("B2") == ("ok", "chips", [])
    assert vm.select("B2") == ("no credit", None, [])
    empty = VendingMachine({})
    empty.stock("A1", "cola", 120, 3)
    for coin in [100, 50, 20]:
        empty.insert(coin)
    assert empty.select("A1") == ("ok", "cola", [50])
    assert empty.box == {200: 0, 100: 1, 50: 0, 20: 1, 10: 0, 5: 0}


def test_rejected_coins_and_missing_products():
    vm = _machine()
    assert vm.select("A1") == ("no credit", None, [])
    assert vm.insert(3) is False
    assert vm.state == "idle"
    assert vm.insert(200) is True
    assert vm.select("Z9") == ("sold out", None, [])
    assert vm.credit() == 200
    vm.stock("C3", "gum", 50, 0)
    assert vm.select("C3") == ("sold out", None, [])
    assert vm.state == "collecting"


def test_insufficient_credit_then_refund():
    vm = _machine()
    vm.insert(100)
    vm.insert(10)
    assert vm.select("A1") == ("insufficient", None, [])
    assert vm.state == "collecting"
    vm.insert(5)
    vm.insert(20)
    assert vm.refund() == [100, 20, 10, 5]
    assert vm.state == "idle"
    assert vm.credit() == 0
    assert vm.refund() == []


def test_exact_change_only_refunds_and_restores_box():
    vm = _machine()
    vm.insert(200)
    assert vm.select("B2") == ("exact change only", None, [200])
    assert vm.box == {200: 0, 100: 0, 50: 2, 20: 5, 10: 5, 5: 0}
    assert vm.state == "idle"
    assert vm.products["B2"] == ["chips", 85, 1]
    assert vm.sales == 0


def test_selling_out():
    vm = _machine()
    for _ in range(2):
        vm.insert(100)
        vm.insert(20)
        assert vm.select("A1") == ("ok", "cola", [])
    vm.insert(200)
    assert vm.select("A1") == ("sold out", None, [])
    assert vm.sales == 240


def test_service_mode():
    vm = _machine()
    vm.insert(50)
    assert vm.set_service(True) == [50]
    assert vm.state == "out_of_service"
    assert vm.insert(100) is False
    assert vm.select("A1") == ("no credit", None, [])
    assert vm.refund() == []
    assert vm.state == "out_of_service"
    assert vm.set_service(False) == []
    assert vm.state == "idle"
    assert vm.insert(100) is True


def test_stock_validation():
    vm = VendingMachine({})
    vm.stock("A1", "water", 1, 0)
    for price, count in [(0, 1), (-5, 1), (100, -1)]:
        try:
            vm.stock("B1", "x", price, count)
        except ValueError:
            continue
        raise AssertionError("bad product accepted")
    assert list(vm.products) == ["A1"]
