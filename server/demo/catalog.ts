/**
 * What demo mode sells: a few SKUs, and two SmartStore sandbox accounts listing them, with options, set
 * products (one listing, several SKUs) and one listing nobody mapped yet (its orders are held until it is).
 */

export interface DemoSku {
  sku: string;
  name: string;
  onHand: number;
  safety?: number;
  barcode?: string;
}

export interface DemoListing {
  /** Option names on the sandbox; absent for a product without options. */
  option?: { name: string; name2?: string };
  /** SKU → units per listing unit; absent: left unmapped on purpose. */
  components?: Record<string, number>;
  /** Sandbox stock of an unmapped listing (a mapped one gets Sheetship's figure pushed). */
  channelStock?: number;
}

export interface DemoProduct {
  name: string;
  listings: DemoListing[];
}

export interface DemoShop {
  /** The channel account id: the middle part of its order keys. */
  id: string;
  name: string;
  /** Generated orders arrive about this many times slower than the base interval. */
  pace: number;
  products: DemoProduct[];
}

export const DEMO_SKUS: DemoSku[] = [
  { sku: 'TEE-WHITE-M', name: '오가닉 티셔츠 화이트 M', onHand: 14, barcode: '8801234500011' },
  { sku: 'TEE-WHITE-L', name: '오가닉 티셔츠 화이트 L', onHand: 9, barcode: '8801234500028' },
  { sku: 'TEE-BLACK-M', name: '오가닉 티셔츠 블랙 M', onHand: 12, barcode: '8801234500035' },
  { sku: 'SOCKS', name: '무지 양말', onHand: 30, safety: 3, barcode: '8801234500042' },
  { sku: 'MUG', name: '스톤웨어 머그', onHand: 8, safety: 1, barcode: '8801234500059' },
];

export const DEMO_SHOPS: DemoShop[] = [
  {
    id: 'demo-a',
    name: '데모 스마트스토어 A',
    pace: 1,
    products: [
      {
        name: '오가닉 코튼 티셔츠',
        listings: [
          { option: { name: '화이트', name2: 'M' }, components: { 'TEE-WHITE-M': 1 } },
          { option: { name: '화이트', name2: 'L' }, components: { 'TEE-WHITE-L': 1 } },
          { option: { name: '블랙', name2: 'M' }, components: { 'TEE-BLACK-M': 1 } },
        ],
      },
      { name: '티셔츠 2장 세트 (화이트+블랙 M)', listings: [{ components: { 'TEE-WHITE-M': 1, 'TEE-BLACK-M': 1 } }] },
      { name: '스톤웨어 머그', listings: [{ components: { MUG: 1 } }] },
    ],
  },
  {
    id: 'demo-b',
    name: '데모 스마트스토어 B',
    pace: 1.4,
    products: [
      {
        name: '데일리 티셔츠',
        listings: [
          { option: { name: '화이트 M' }, components: { 'TEE-WHITE-M': 1 } },
          { option: { name: '블랙 M' }, components: { 'TEE-BLACK-M': 1 } },
        ],
      },
      { name: '무지 양말 3켤레 묶음', listings: [{ components: { SOCKS: 3 } }] },
      { name: '무지 양말 낱개', listings: [{ components: { SOCKS: 1 } }] },
      { name: '린넨 에코백', listings: [{ option: { name: '내추럴' }, channelStock: 2 }] },
    ],
  },
];
