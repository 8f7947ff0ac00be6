"""The benchmark's fixed data set: the users, products, stock and reviews of the public workload."""

from __future__ import annotations

from typing import Any

LOREM = (
    "Lorem ipsum dolor sit amet, consectetur adipiscing elit, sed do eiusmod tempor incididunt ut "
    "labore et dolore magna aliqua. Ut enim ad minim veniam, quis nostrud exercitation ullamco "
    "laboris nisi ut aliquip ex ea commodo consequat. Duis aute irure dolor in reprehenderit in "
    "voluptate velit esse cillum dolore eu fugiat nulla pariatur. Excepteur sint occaecat cupidatat "
    "non proident, sunt in culpa qui officia deserunt mollit anim id est laborum."
)
SED_UT = (
    "Sed ut perspiciatis unde omnis iste natus error sit voluptatem accusantium doloremque "
    "laudantium, totam rem aperiam, eaque ipsa quae ab illo inventore veritatis et quasi "
    "architecto beatae vitae dicta sunt explicabo. Nemo enim ipsam voluptatem quia voluptas sit "
    "aspernatur aut odit aut fugi"
)
SED_QUIA = (
    "sed quia consequuntur magni dolores eos qui ratione voluptatem sequi nesciunt. Neque porro "
    "quisquam est, qui dolorem ipsum quia dolor sit amet, consectetur, adipisci velit, sed quia "
    "non numquam eius modi tempora incidunt ut labore et dolore magnam aliquam quaerat voluptatem."
)
UT_ENIM = (
    "Ut enim ad minima veniam, quis nostrum exercitationem ullam corporis suscipit laboriosam, "
    "nisi ut aliquid ex ea commodi consequatur? Quis autem"
)
AT_VERO = (
    "At vero eos et accusamus et iusto odio dignissimos ducimus qui blanditiis praesentium "
    "voluptatum deleniti atque corrupti quos dolores et quas molestias excepturi sint occaecati "
    "cupiditate non provident, similique sunt in culpa qui officia deserunt mollitia animi, id est "
    "laborum et dolorum fuga. Et harum quidem rerum facilis est et expedita distinctio. Nam libero "
    "tempore, cum soluta nobis est eligendi optio cumque nihil impedit quo minus id quod maxime "
    "placeat facere possimus, omnis voluptas assumenda est, omnis dolor repellendus. Temporibus "
    "autem quibusdam et aut officiis debitis aut rerum necessitatibus saepe eveniet ut et "
    "voluptates repudiandae sint et molestiae non recusandae. Itaque earum rerum hic tenetur a "
    "sapiente delectus, ut aut reiciendis voluptatibus maiores alias consequatur aut perferendis "
    "doloribus asperiores repellat."
)

Record = dict[str, Any]

USERS: list[Record] = [
    {"id": "1", "name": "Uri Goldshtein", "username": "urigo", "birthday": 1234567890},
    {"id": "2", "name": "Dotan Simha", "username": "dotansimha", "birthday": 1234567890},
    {"id": "3", "name": "Kamil Kisiela", "username": "kamilkisiela", "birthday": 1234567890},
    {"id": "4", "name": "Arda Tanrikulu", "username": "ardatan", "birthday": 1234567890},
    {"id": "5", "name": "Gil Gardosh", "username": "gilgardosh", "birthday": 1234567890},
    {"id": "6", "name": "Laurin Quast", "username": "laurin", "birthday": 1234567890},
]

PRODUCTS: list[Record] = [
    {"upc": "1", "name": "Table", "price": 899, "weight": 100},
    {"upc": "2", "name": "Couch", "price": 1299, "weight": 1000},
    {"upc": "3", "name": "Glass", "price": 15, "weight": 20},
    {"upc": "4", "name": "Chair", "price": 499, "weight": 100},
    {"upc": "5", "name": "TV", "price": 1299, "weight": 1000},
    {"upc": "6", "name": "Lamp", "price": 6999, "weight": 300},
    {"upc": "7", "name": "Grill", "price": 3999, "weight": 2000},
    {"upc": "8", "name": "Fridge", "price": 100000, "weight": 6000},
    {"upc": "9", "name": "Sofa", "price": 9999, "weight": 800},
]

IN_STOCK: dict[str, bool] = {
    "1": True,
    "2": False,
    "3": False,
    "4": False,
    "5": True,
    "6": True,
    "7": True,
    "8": False,
    "9": True,
}

REVIEWS: list[Record] = [
    {"id": "1", "body": LOREM, "product": "1"},
    {"id": "2", "body": SED_UT, "product": "1"},
    {"id": "3", "body": SED_QUIA, "product": "1"},
    {"id": "4", "body": UT_ENIM, "product": "1"},
    {"id": "5", "body": LOREM, "product": "2"},
    {"id": "6", "body": SED_UT, "product": "2"},
    {"id": "7", "body": SED_QUIA, "product": "2"},
    {"id": "8", "body": UT_ENIM, "product": "2"},
    {"id": "9", "body": UT_ENIM, "product": "3"},
    {"id": "10", "body": UT_ENIM, "product": "4"},
    {"id": "11", "body": AT_VERO, "product": "4"},
]

# As in the public workload: every review is written by user 1, and every user's
# reviews are the first two.
AUTHOR_ID = "1"
USER_REVIEW_COUNT = 2


def find_user(user_id: str) -> Record | None:
    return next((user for user in USERS if user["id"] == user_id), None)


def find_product(upc: str) -> Record | None:
    return next((product for product in PRODUCTS if product["upc"] == upc), None)


def find_review(review_id: str) -> Record | None:
    return next((review for review in REVIEWS if review["id"] == review_id), None)


def list_product_reviews(upc: str) -> list[Record]:
    return [review for review in REVIEWS if review["product"] == upc]


def list_user_reviews(user_id: str) -> list[Record]:
    return REVIEWS[:USER_REVIEW_COUNT]


def estimate_shipping(price: int | None, weight: int | None) -> int | None:
    """Free above 1000, else half the weight: needs both fields, hence @requires."""
    if price is None:
        return None
    if price > 1000:
        return 0
    return None if weight is None else weight // 2
