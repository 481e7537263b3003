from inventory import Inventory, stock_value


def _warehouse():
    inv = Inventory()
    inv.add_item("a", 5, 1)
    inv.add_item("b", 3, 1)
    return inv


def test_add_item_accumulates_and_validates():
    inv = Inventory()
    inv.add_item("bolt", 10, 3)
    inv.add_item("bolt", 5, 4)
    inv.add_item("nut", 0, 0)
    assert inv.stock == {"bolt": 15, "nut": 0}
    assert inv.thresholds == {"bolt": 4, "nut": 0}
    assert inv.available("bolt") == 15
    assert inv.available("nut") == 0
    assert inv.available("washer") == 0
    for quantity, threshold in [(-1, 0), (0, -1)]:
        try:
            inv.add_item("washer", quantity, threshold)
        except ValueError:
            continue
        raise AssertionError("negative values must be rejected")
    assert "washer" not in inv.stock


def test_reserve_limits():
    inv = Inventory()
    inv.add_item("bolt", 10, 0)
    assert inv.reserve("bolt", 0) is False
    assert inv.reserve("bolt", 11) is False
    assert inv.reserve("bolt", 1) is True
    assert inv.history[-1] == ("reserve", "bolt", 1)
    assert inv.reserve("bolt", 9) is True
    assert inv.available("bolt") == 0
    assert inv.reserve("bolt", 1) is False
    assert inv.reserve("screw", 1) is False
    assert inv.reserved == {"bolt": 10}


def test_release_caps_at_reserved():
    inv = Inventory()
    inv.add_item("bolt", 10, 0)
    inv.reserve("bolt", 6)
    assert inv.release("bolt", 4) == 4
    assert inv.reserved["bolt"] == 2
    assert inv.release("bolt", 5) == 2
    assert inv.available("bolt") == 10
    assert inv.release("screw", 3) == 0


def test_ship_only_reserved_units():
    inv = Inventory()
    inv.add_item("bolt", 10, 0)
    inv.reserve("bolt", 5)
    assert inv.ship("bolt", 6) is False
    assert inv.ship("bolt", 5) is True
    assert inv.stock["bolt"] == 5
    assert inv.reserved["bolt"] == 0
    assert inv.available("bolt") == 5
    assert inv.ship("screw", 1) is False


def test_fill_order_success():
    inv = _warehouse()
    assert inv.fill_order([("a", 5), ("b", 2)]) == []
    assert inv.available("a") == 0
    assert inv.available("b") == 1


def test_fill_order_rolls_back_on_failure():
    inv = _warehouse()
    assert inv.fill_order([("a", 2), ("b", 4), ("c", 1)]) == ["b", "c"]
    assert inv.reserved == {"a": 0, "b": 0}
    assert inv.available("a") == 5
    assert inv.available("b") == 3
    assert inv.fill_order([("b", 3), ("a", 2), ("a", 4)]) == ["a"]
    assert inv.reserved == {"a": 0, "b": 0}


def test_movements_counts_adds_and_shipments():
    inv = Inventory()
    inv.add_item("bolt", 10, 0)
    inv.add_item("nut", 7, 0)
    inv.reserve("bolt", 4)
    inv.ship("bolt", 3)
    inv.release("bolt", 1)
    inv.add_item("bolt", 2, 0)
    assert inv.movements("bolt") == 9
    assert inv.movements("nut") == 7
    assert inv.movements("screw") == 0
    assert inv.history[1] == ("add", "nut", 7)
    assert inv.history[-2] == ("release", "bolt", 1)


def test_reorder_report():
    inv = Inventory()
    inv.add_item("a", 20, 5)
    inv.add_item("b", 10, 5)
    inv.reserve("b", 2)
    inv.add_item("c", 9, 5)
    inv.add_item("d", 3, 4)
    inv.add_item("e", 0, 10)
    inv.add_item("g", 0, 10)
    demand = {"a": 3, "b": 1, "c": 1, "e": 2}
    assert inv.reorder_report(4, demand, 5) == [("b", 5), ("d", 5), ("e", 20), ("g", 10)]
    assert inv.reorder_report(4, demand, 1) == [("b", 1), ("d", 1), ("e", 18), ("g", 10)]
    assert inv.reorder_report(4, demand, 2) == [("b", 2), ("d", 2), ("e", 18), ("g", 10)]
    assert inv.reorder_report(0, demand, 0) == [("d", 1), ("e", 10), ("g", 10)]


def test_stock_value():
    inv = Inventory()
    inv.add_item("a", 4, 0)
    inv.add_item("b", 3, 0)
    inv.add_item("c", 8, 0)
    assert stock_value(inv, {"a": 2.5, "b": 10}) == 40.0
    assert stock_value(Inventory(), {"a": 1}) == 0
